namespace Bot.Data.Entities;

/// <summary>A person: their Discord user and their Strava link. One per Discord user, shared across guilds.</summary>
public sealed class Member
{
    public long Id { get; set; }

    /// <summary>Null for legacy members whose Discord id the old bot never stored.</summary>
    public long? DiscordUserId { get; set; }

    public long? StravaAthleteId { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public string? ProfileMediumUrl { get; set; }

    public string? AccessToken { get; set; }

    public string? RefreshToken { get; set; }

    public DateTime? TokenExpiresAtUtc { get; set; }

    public string? Scopes { get; set; }

    public required LinkState LinkState { get; set; }

    /// <summary>
    /// When Strava stopped giving this member's data (the link needed renewing). Their weeks from then on are
    /// "no data" and charge nothing until a back-fill after the relink has brought the season in again.
    /// </summary>
    public DateTime? NoDataSinceUtc { get; set; }

    /// <summary>
    /// When the member left (/unlink or a confirmed deauthorization): their Strava data was deleted then, and their
    /// closed weeks were frozen (<see cref="FrozenWeekResult"/>). Cleared when they link again.
    /// </summary>
    public DateTime? LeftAtUtc { get; set; }

    public required DateTime CreatedAtUtc { get; set; }

    public required DateTime UpdatedAtUtc { get; set; }

    public ICollection<Participation> Participations { get; set; } = [];

    public ICollection<Activity> Activities { get; set; } = [];
}
