namespace Bot.Standings.Api;

internal sealed record ApiSeasons(IReadOnlyList<ApiGuildSeasons> Guilds);
