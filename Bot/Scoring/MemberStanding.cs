namespace Bot.Scoring;

/// <summary>A member's weeks and total, or an error when an amount does not fit a decimal.</summary>
public sealed record MemberStanding(
    string Id, string Name, IReadOnlyList<WeekResult> Weeks, decimal Total, string? Error, MemberState State = MemberState.Active)
{
    public bool HasError => Error is not null;

    public static MemberStanding Failed(string id, string name, string error, MemberState state = MemberState.Active) => new(id, name, [], 0, error, state);
}
