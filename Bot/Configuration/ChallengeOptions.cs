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

    public TimeZoneInfo ResolveTimeZone() => ChallengeTimeZone.Resolve(TimeZone);
}
