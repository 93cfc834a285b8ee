using System.Globalization;
using Bot.Configuration;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Web;

namespace Bot.Standings.Api;

/// <summary>
/// The read-only JSON API: the guilds' seasons, and a season's computed standings. Only what the bot
/// computed (points, status, amounts) for members who consented to reports — never a token, never an activity.
/// </summary>
internal sealed class StandingsApi(ChallengeRepository challenges, ChallengeLookup lookup, SeasonPipeline pipeline, ChallengeOptions options)
{
    public async Task<IResult> SeasonsAsync(CancellationToken cancellationToken)
    {
        var all = await challenges.ListAllAsync(cancellationToken);
        var guilds = all.GroupBy(c => c.GuildId)
            .Select(g => new ApiGuildSeasons(g.Key.ToString(CultureInfo.InvariantCulture), [.. g.Select(c => c.SeasonYear)]))
            .ToList();
        return TypedResults.Json(new ApiSeasons(guilds), WebJson.Options);
    }

    public async Task<IResult> StandingsAsync(string? guild, string? season, CancellationToken cancellationToken)
    {
        if (!ulong.TryParse(guild, NumberStyles.None, CultureInfo.InvariantCulture, out var guildId) || guildId == 0 || guildId > long.MaxValue)
        {
            return OneLine(StatusCodes.Status400BadRequest, "guild must be a Discord server id (a positive integer)");
        }

        int? year = null;
        if (!string.IsNullOrEmpty(season))
        {
            if (!int.TryParse(season, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 2000 or > 9998)
            {
                return OneLine(StatusCodes.Status400BadRequest, "season must be a year between 2000 and 9998");
            }

            year = parsed;
        }

        if (await lookup.FindAsync(guildId, year, cancellationToken) is not { } found)
        {
            return OneLine(StatusCodes.Status404NotFound, year is { } y ? $"guild {guildId} has no challenge for season {y}" : $"guild {guildId} has no challenge");
        }

        var (challenge, today) = found;

        if (await pipeline.SeasonAsync(challenge, today) is not { } tally)
        {
            return OneLine(StatusCodes.Status503ServiceUnavailable, "the bot is busy; try again in a moment");
        }

        var (loaded, result) = tally;
        var members = new List<ApiMemberStanding>();
        for (var i = 0; i < result.Members.Count; i++)
        {
            var member = result.Members[i];
            if (!loaded.Members[i].ConsentToReports)
            {
                continue;
            }

            var row = loaded.Members[i];
            var state = StandingsJson.StateName(member.State);
            var lastSync = member.State == MemberState.Syncing ? row.LastSyncUtc : null;
            var leftOn = row.LeftAtUtc is { } left ? SeasonInputMapper.LeftOn(left, loaded.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            members.Add(member.Error is not null
                ? new ApiMemberStanding(member.Name, null, null, "cannot be counted exactly", state, lastSync, leftOn)
                : new ApiMemberStanding(member.Name, member.Total,
                    [.. member.Weeks.Select(w => new ApiWeek(w.Week, w.Points, StandingsJson.StatusName(w.Status, member.State), w.Amount))], null,
                    state, lastSync, leftOn));
        }

        return TypedResults.Json(
            new ApiStandings(
                challenge.GuildId.ToString(CultureInfo.InvariantCulture),
                challenge.SeasonYear,
                result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                options.Currency,
                loaded.Input.Rules.PointsRequired,
                members,
                loaded.Members.Count(m => !m.ConsentToReports)),
            WebJson.Options);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult OneLine(int status, string text) => TypedResults.Text(text + "\n", statusCode: status);
}
