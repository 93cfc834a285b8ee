namespace Bot.Configuration;

/// <summary>Settings of the challenge that are not per-season rules.</summary>
public sealed class ChallengeOptions
{
    /// <summary>IANA time zone for "today"; empty means the system's.</summary>
    [ConfigurationKeyName("CHALLENGE_TIME_ZONE")]
    public string? TimeZone { get; set; }

    /// <summary>The currency symbol shown with amounts.</summary>
    [ConfigurationKeyName("CHALLENGE_CURRENCY")]
    public string Currency { get; set; } = "€";

    /// <summary>Discord user ids (comma-separated) allowed the admin commands besides Manage Server.</summary>
    [ConfigurationKeyName("ADMIN_USER_IDS")]
    public string? AdminUserIds { get; set; }

    public bool IsAdminUser(ulong userId) =>
        (AdminUserIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(userId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    public TimeZoneInfo ResolveTimeZone() => ChallengeTimeZone.Resolve(TimeZone);
}
