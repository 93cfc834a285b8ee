namespace Bot.Data.Entities;

/// <summary>A one-time Strava authorization state, bound to a Discord user and guild.</summary>
public sealed class OAuthState
{
    public required string Nonce { get; set; }

    public required long DiscordUserId { get; set; }

    public required long GuildId { get; set; }

    public required DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }
}
