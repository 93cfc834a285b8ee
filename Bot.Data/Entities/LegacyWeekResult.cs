namespace Bot.Data.Entities;

/// <summary>A week result as the old bot recorded it, kept so nothing from the old bot is lost.</summary>
public sealed class LegacyWeekResult
{
    public required long ParticipationId { get; set; }

    public Participation Participation { get; set; } = null!;

    public required int Week { get; set; }

    public required LegacyWeekOutcome Result { get; set; }
}
