namespace Bot.Standings.Api;

/// <param name="State">active, syncing (no data yet, owes nothing) or left (their frozen closed weeks only).</param>
/// <param name="LastSyncUtc">For a syncing member, when their activities were last synced; absent when never.</param>
/// <param name="LeftOn">For a member who left, the date (in the challenge's time zone), yyyy-MM-dd.</param>
internal sealed record ApiMemberStanding(
    string Name, decimal? Total, IReadOnlyList<ApiWeek>? Weeks, string? Error, string State = "active", DateTime? LastSyncUtc = null, string? LeftOn = null);
