using Bot.Data.Queries;
using Bot.Scoring;

namespace Bot.Standings;

/// <summary>Turns the database's season rows into scoring input (one pass, rows arrive sorted).</summary>
public static class SeasonInputMapper
{
    /// <param name="zone">The challenge's time zone, which dates a member's loss of data to a week (UTC when null).</param>
    public static SeasonInput Map(int season, DateOnly asOf, Rules rules, SeasonData data, ActivityKinds kinds, TimeZoneInfo? zone = null)
    {
        // Database kind ids → this process's interned kinds, once per season rather than per activity.
        var kindMap = new int[data.Kinds.Count == 0 ? 0 : (int)data.Kinds.Max(k => k.Id) + 1];
        foreach (var kind in data.Kinds)
        {
            kindMap[kind.Id] = kinds.Intern(kind.Type, kind.SportType);
        }

        var activitiesByMember = new Dictionary<long, ActivityInput[]>(data.Members.Count);
        var rows = data.Activities;
        var start = 0;
        while (start < rows.Count)
        {
            var memberId = rows[start].MemberId;
            var end = start;
            while (end < rows.Count && rows[end].MemberId == memberId)
            {
                end++;
            }

            var activities = new ActivityInput[end - start];
            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                activities[i - start] = new ActivityInput(
                    row.Id,
                    kindMap[row.KindId],
                    row.StartLocalTicks,
                    Math.Max(row.MovingTime, 0),
                    Math.Max(row.ElapsedTime, 0));
            }

            activitiesByMember[memberId] = activities;
            start = end;
        }

        var jokers = data.Jokers.GroupBy(j => j.ParticipationId).ToDictionary(g => g.Key, g => (IReadOnlyCollection<int>)g.Select(j => j.Week).ToArray());
        var frozen = (data.FrozenWeeks ?? []).GroupBy(f => f.ParticipationId).ToDictionary(g => g.Key, g => (IReadOnlyList<WeekResult>)g.Select(Frozen).ToArray());
        var members = data.Members
            .Select(m => new MemberInput(
                MemberKey(m.DiscordUserId, m.MemberId),
                DisplayName(m.FirstName, m.LastName),
                jokers.GetValueOrDefault(m.ParticipationId) ?? [],
                activitiesByMember.GetValueOrDefault(m.MemberId) ?? [],
                NoDataFromWeek(season, m.NoDataSinceUtc, zone ?? TimeZoneInfo.Utc),
                State(m),
                m.Frozen ? frozen.GetValueOrDefault(m.ParticipationId) ?? [] : null))
            .ToList();
        return new SeasonInput(season, asOf, rules, kinds, members);
    }

    /// <summary>
    /// The season week from which a member whose Strava data stopped at <paramref name="sinceUtc"/> has no data:
    /// the week of that moment in the challenge's zone (week 1 when it was before the season, none when after).
    /// </summary>
    public static int? NoDataFromWeek(int season, DateTime? sinceUtc, TimeZoneInfo zone)
    {
        if (sinceUtc is not { } since)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(since, DateTimeKind.Utc), zone);
        var year = System.Globalization.ISOWeek.GetYear(local);
        return year < season ? 1 : year > season ? null : System.Globalization.ISOWeek.GetWeekOfYear(local);
    }

    /// <summary>The day a member left, in <paramref name="zone"/> (UTC when none).</summary>
    public static DateOnly LeftOn(DateTime leftAtUtc, TimeZoneInfo? zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(leftAtUtc, DateTimeKind.Utc), zone ?? TimeZoneInfo.Utc));

    public static MemberState State(SeasonMemberRow member) =>
        member.LeftAtUtc is not null ? MemberState.Left : member.Syncing ? MemberState.Syncing : MemberState.Active;

    private static WeekResult Frozen(FrozenWeekRow row) =>
        new(row.Week, row.Points, StandingsJson.TryParseStatus(row.Status, out var status) ? status : throw new InvalidDataException(
            $"frozen week {row.Week} of participation {row.ParticipationId} has the unknown status '{row.Status}'"), row.Streak, row.Amount);

    /// <summary>A member's id in standings: the Discord id, or the member number for legacy members without one.</summary>
    public static string MemberKey(long? discordUserId, long memberId) =>
        discordUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"member:{memberId}";

    public static string DisplayName(string firstName, string lastName) => $"{firstName} {lastName}".Trim();
}
