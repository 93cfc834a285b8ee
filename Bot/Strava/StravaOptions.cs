namespace Bot.Strava;

/// <summary>
/// Strava settings as the environment names them. The secret and the verify token are secrets:
/// environment or .env only, never logged. Without a client id the Strava features are off and
/// the linking commands say so.
/// </summary>
public sealed class StravaOptions
{
    public const string DefaultApiBaseUrl = "https://www.strava.com/api/v3";
    public const string DefaultOAuthBaseUrl = "https://www.strava.com/oauth";

    [ConfigurationKeyName("STRAVA_CLIENT_ID")]
    public string? ClientId { get; set; }

    [ConfigurationKeyName("STRAVA_CLIENT_SECRET")]
    public string? ClientSecret { get; set; }

    /// <summary>The token Strava echoes in the webhook subscription handshake.</summary>
    [ConfigurationKeyName("STRAVA_WEBHOOK_VERIFY_TOKEN")]
    public string? WebhookVerifyToken { get; set; }

    /// <summary>The secret last segment of the webhook callback URL; generated and kept in the database when unset.</summary>
    [ConfigurationKeyName("STRAVA_WEBHOOK_SECRET")]
    public string? WebhookSecret { get; set; }

    [ConfigurationKeyName("STRAVA_API_BASE_URL")]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    [ConfigurationKeyName("STRAVA_OAUTH_BASE_URL")]
    public string OAuthBaseUrl { get; set; } = DefaultOAuthBaseUrl;

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);
}
