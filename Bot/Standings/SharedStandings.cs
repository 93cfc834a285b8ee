using Bot.Data.Queries;
using Bot.Scoring;

namespace Bot.Standings;

/// <summary>
/// What other members may see of a season: the standings of the members who agreed to channel reports,
/// how many are not shown, and the pot over everyone (as <c>/total</c> sums it: a hidden member's debt
/// is still in the pot, only not named).
/// </summary>
/// <param name="Members">The shown members' rows, in the order of <paramref name="Shown"/>' members.</param>
public sealed record SharedStandings(SeasonStandings Shown, IReadOnlyList<SeasonMemberRow> Members, int Hidden, decimal Pot)
{
    /// <param name="members">The participants, in the order of <paramref name="standings"/>' members.</param>
    public static SharedStandings From(IReadOnlyList<SeasonMemberRow> members, SeasonStandings standings)
    {
        var shown = Enumerable.Range(0, standings.Members.Count).Where(i => members[i].ConsentToReports).ToList();
        return new SharedStandings(
            standings with { Members = [.. shown.Select(i => standings.Members[i])] },
            [.. shown.Select(i => members[i])],
            standings.Members.Count - shown.Count,
            standings.Members.Where(m => !m.HasError).Sum(m => m.Total));
    }
}
