namespace Bot.Data.Entities;

/// <summary>One season of the challenge on one Discord guild.</summary>
public sealed class Challenge
{
    public long Id { get; set; }

    public required long GuildId { get; set; }

    public required int SeasonYear { get; set; }

    /// <summary>The rules object with the SCORING.md keys; validated by the Bot before it is written.</summary>
    public required string RulesJson { get; set; }

    /// <summary>IANA time zone id overriding the configured default; null means the default.</summary>
    public string? TimeZone { get; set; }

    public required DateTime CreatedAtUtc { get; set; }

    public ICollection<Participation> Participations { get; set; } = [];
}
