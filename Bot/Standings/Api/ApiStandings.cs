namespace Bot.Standings.Api;

/// <summary>API response shapes hold computed figures and names only, by design nothing else.</summary>
internal sealed record ApiStandings(
    string Guild, int Season, string AsOf, string Currency, decimal PointsRequired, IReadOnlyList<ApiMemberStanding> Members, int HiddenMembers);
