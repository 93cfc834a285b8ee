using System.Globalization;
using Bot.Data.Queries;
using Bot.Scoring;

namespace Bot.Benchmarks.Data;

/// <summary>
/// Turns the season read's rows into scoring's input the way /total must: one
/// <see cref="ActivityInput"/> array per member, already in (start, id) order, kinds interned.
/// </summary>
internal static class SeasonRowMapper
{
    public static SeasonInput ToInput(SeasonData data, int season, DateOnly asOf, Rules rules, ActivityKinds kinds)
    {
        var members = data.Members;
        var indexByMember = new Dictionary<long, int>(members.Count);
        var indexByParticipation = new Dictionary<long, int>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            indexByMember.Add(members[i].MemberId, i);
            indexByParticipation.Add(members[i].ParticipationId, i);
        }

        // Two passes: count, then fill exact-size arrays; the rows are in (member, start, id) order.
        var counts = new int[members.Count];
        foreach (var row in data.Activities)
        {
            counts[indexByMember[row.MemberId]]++;
        }

        var activities = new ActivityInput[members.Count][];
        for (var i = 0; i < activities.Length; i++)
        {
            activities[i] = new ActivityInput[counts[i]];
            counts[i] = 0;
        }

        foreach (var row in data.Activities)
        {
            var index = indexByMember[row.MemberId];
            activities[index][counts[index]++] = new ActivityInput(
                row.Id,
                kinds.Intern(row.Type, row.SportType),
                row.StartLocalTicks,
                Math.Max(0, row.MovingTime),
                Math.Max(0, row.ElapsedTime));
        }

        var jokers = new List<int>?[members.Count];
        foreach (var joker in data.Jokers)
        {
            var index = indexByParticipation[joker.ParticipationId];
            (jokers[index] ??= []).Add(joker.Week);
        }

        var inputs = new MemberInput[members.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var member = members[i];
            var id = member.DiscordUserId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            inputs[i] = new MemberInput(id, $"{member.FirstName} {member.LastName}", jokers[i] ?? [], activities[i]);
        }

        return new SeasonInput(season, asOf, rules, kinds, inputs);
    }

}
