namespace Bot.Data.Entities;

/// <summary>A member taking part in one challenge.</summary>
public sealed class Participation
{
    public long Id { get; set; }

    public required long ChallengeId { get; set; }

    public Challenge Challenge { get; set; } = null!;

    public required long MemberId { get; set; }

    public Member Member { get; set; } = null!;

    /// <summary>Whether the member may appear in channel reports.</summary>
    public required bool ConsentToReports { get; set; }

    public required int JokersLeft { get; set; }

    /// <summary>The old bot's per-athlete constants, kept verbatim as they were frozen at registration.</summary>
    public string? LegacyConstantsJson { get; set; }

    public required DateTime JoinedAtUtc { get; set; }

    /// <summary>
    /// When this season's ledger of the member was frozen (they left): its weeks are then <see cref="FrozenWeeks"/>,
    /// never recomputed, until a back-fill of this season after a relink brings their activities in again.
    /// </summary>
    public DateTime? FrozenAtUtc { get; set; }

    public ICollection<JokerWeek> JokerWeeks { get; set; } = [];

    public ICollection<LegacyWeekResult> LegacyWeekResults { get; set; } = [];

    public ICollection<FrozenWeekResult> FrozenWeeks { get; set; } = [];
}
