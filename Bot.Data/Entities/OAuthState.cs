namespace Bot.Data.Entities;

/// <summary>
/// A one-time Strava authorization state, bound to a Discord user and guild, with the names the connect page
/// shows (taken when the link was made, so the page needs no Discord call).
/// </summary>
public sealed class OAuthState
{
    /// <summary>Longest stored <see cref="UserLabel"/> and <see cref="GuildName"/> (Discord's own limits are lower).</summary>
    public const int LabelMaxLength = 100;

    public required string Nonce { get; set; }

    public required long DiscordUserId { get; set; }

    public required long GuildId { get; set; }

    public required DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }

    /// <summary>How the Discord account that ran /strava_auth is shown ("Ada (@ada)"); null for states issued before it was stored.</summary>
    public string? UserLabel { get; set; }

    /// <summary>The guild's name when the link was made; null when Discord did not say.</summary>
    public string? GuildName { get; set; }

    /// <summary>Whether Strava's consent page is shown again (<c>approval_prompt=force</c>, a relink).</summary>
    public bool ForceApproval { get; set; }
}
