namespace Bot.Web;

internal sealed record ApiMemberStanding(string Name, decimal? Total, IReadOnlyList<ApiWeek>? Weeks, string? Error);
