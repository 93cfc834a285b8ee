namespace Bot.Data.Entities;

/// <summary>A season week on which a participation spent a joker.</summary>
public sealed class JokerWeek
{
    public required long ParticipationId { get; set; }

    public Participation Participation { get; set; } = null!;

    public required int Week { get; set; }

    public required DateTime CreatedAtUtc { get; set; }
}
