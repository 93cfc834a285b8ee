namespace Bot.Web;

internal sealed record ApiSeasons(IReadOnlyList<ApiGuildSeasons> Guilds);
