using System.Globalization;
using Bot.Data.Repositories;
using Bot.Standings;

namespace Bot.Nudges;

/// <summary>A server's season and its week in progress ("today" in the challenge's zone), for the jobs that speak up during the week.</summary>
internal sealed record CurrentWeek(ChallengeRow Challenge, DateOnly Today, int Week)
{
    /// <summary>Null when the server has no season running this week (none at all, or only an older or later one).</summary>
    public static async Task<CurrentWeek?> FindAsync(ChallengeLookup lookup, long guildId, CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync((ulong)guildId, null, cancellationToken);
        var day = found?.Today.ToDateTime(TimeOnly.MinValue) ?? default;
        return found is null || ISOWeek.GetYear(day) != found.Challenge.SeasonYear
            ? null
            : new CurrentWeek(found.Challenge, found.Today, ISOWeek.GetWeekOfYear(day));
    }
}
