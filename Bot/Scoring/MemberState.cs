namespace Bot.Scoring;

/// <summary>Where a member's weeks come from.</summary>
public enum MemberState
{
    /// <summary>Computed from their stored activities.</summary>
    Active,

    /// <summary>Their first back-fill has not completed: every week is <see cref="WeekStatus.NoData"/> and charges nothing.</summary>
    Syncing,

    /// <summary>They left: their weeks are the closed weeks frozen when they did, nothing later.</summary>
    Left,
}
