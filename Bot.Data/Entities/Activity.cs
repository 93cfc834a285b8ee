namespace Bot.Data.Entities;

/// <summary>A Strava activity, keyed by its Strava id.</summary>
public sealed class Activity
{
    /// <summary>The Strava activity id; never generated here.</summary>
    public required long Id { get; set; }

    public required long MemberId { get; set; }

    public Member Member { get; set; } = null!;

    public string? Name { get; set; }

    /// <summary>Strava's deprecated <c>type</c>, kept for the legacy categories.</summary>
    public string? Type { get; set; }

    public string? SportType { get; set; }

    /// <summary>The (type, sport type) pair as a number, kept in step by <see cref="ActivityKindAssigner"/> on save.</summary>
    public int KindId { get; set; }

    public ActivityKind? Kind { get; set; }

    public required DateTime StartUtc { get; set; }

    /// <summary>Wall-clock start in the activity's own time zone (Kind Unspecified); stored as ticks.</summary>
    public required DateTime StartLocal { get; set; }

    public string? TimeZone { get; set; }

    public required int MovingTime { get; set; }

    public required int ElapsedTime { get; set; }

    public required double Distance { get; set; }

    public required double TotalElevationGain { get; set; }

    public string? SummaryPolyline { get; set; }

    public required DateTime UpdatedAtUtc { get; set; }
}
