namespace Bot.Data.Entities;

/// <summary>
/// A closed week whose status or amount changed for one member, recorded when the bot recomputed it after
/// its inputs changed (a re-check or webhook that edited the week's activities, a back-fill after a relink,
/// a rules change). Debts of closed weeks change only this way, and every change leaves a row.
/// </summary>
public sealed class WeekRecompute
{
    public long Id { get; set; }

    public required long ChallengeId { get; set; }

    public Challenge Challenge { get; set; } = null!;

    public required long MemberId { get; set; }

    public Member Member { get; set; } = null!;

    public required int Week { get; set; }

    /// <summary>The standings status before, as the JSON names it: passed, failed, joker, no_data.</summary>
    public required string OldStatus { get; set; }

    public required decimal OldAmount { get; set; }

    public required string NewStatus { get; set; }

    public required decimal NewAmount { get; set; }

    /// <summary>What changed the inputs, e.g. "Strava re-check" or "rule price_per_week set by an admin".</summary>
    public required string Reason { get; set; }

    public required DateTime AtUtc { get; set; }
}
