namespace Bot.Web;

internal sealed record ApiGuildSeasons(string Guild, IReadOnlyList<int> Seasons);
