namespace Bot.Standings.Api;

internal sealed record ApiGuildSeasons(string Guild, IReadOnlyList<int> Seasons);
