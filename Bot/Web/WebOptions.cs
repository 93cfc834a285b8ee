namespace Bot.Web;

/// <summary>Where the web endpoints listen and how the world reaches them.</summary>
public sealed class WebOptions
{
    public const string DefaultHttpUrls = "http://127.0.0.1:8080";

    /// <summary>Kestrel's listen addresses (semicolon-separated).</summary>
    [ConfigurationKeyName("HTTP_URLS")]
    public string HttpUrls { get; set; } = DefaultHttpUrls;

    /// <summary>The public address of this host, used in links (the OAuth redirect URI, the webhook callback).</summary>
    [ConfigurationKeyName("PUBLIC_BASE_URL")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Requests per minute each client address may make to the Strava webhook route (Strava sends a handful).</summary>
    [ConfigurationKeyName("WEBHOOK_RATE_LIMIT")]
    public int WebhookRateLimit { get; set; } = Web.WebhookRateLimit.DefaultPermitLimit;

    /// <summary>The HMAC key for OAuth state; when unset, one is generated on first run and stored in the database.</summary>
    [ConfigurationKeyName("STATE_SIGNING_KEY")]
    public string? StateSigningKey { get; set; }
}
