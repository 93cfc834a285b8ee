namespace Bot.Data.Entities;

/// <summary>
/// A closed week of a member who left (/unlink or a confirmed deauthorization), as the bot computed it then. Their
/// Strava data is gone, so this computed result is what the ledger keeps: app data, never recomputed.
/// </summary>
public sealed class FrozenWeekResult
{
    public required long ParticipationId { get; set; }

    public Participation Participation { get; set; } = null!;

    public required int Week { get; set; }

    public required long Points { get; set; }

    /// <summary>The standings status, as the JSON names it: passed, failed, joker, no_data.</summary>
    public required string Status { get; set; }

    /// <summary>The streak before this week's status was applied.</summary>
    public required int Streak { get; set; }

    public required decimal Amount { get; set; }
}
