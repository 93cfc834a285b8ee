namespace Bot.Data.Entities;

/// <summary>Where the Strava sync of one member stands.</summary>
public sealed class StravaSyncState
{
    public required long MemberId { get; set; }

    public Member Member { get; set; } = null!;

    public DateTime? LastBackfillAtUtc { get; set; }

    /// <summary>Local wall-clock start the backfill reached back to; stored as ticks.</summary>
    public DateTime? BackfilledFromLocal { get; set; }

    public DateTime? LastRecheckAtUtc { get; set; }

    public DateTime? LastSyncAtUtc { get; set; }
}
