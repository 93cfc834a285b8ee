namespace Bot.Web;

/// <summary>Where the web endpoints listen and how the world reaches them.</summary>
public sealed class WebOptions
{
    public const string DefaultHttpUrls = "http://127.0.0.1:8080";

    /// <summary>Requests per address and minute to the webhook route unless WEBHOOK_RATE_LIMIT says otherwise.</summary>
    public const int DefaultWebhookRateLimit = 120;

    /// <summary>Kestrel's listen addresses (semicolon-separated).</summary>
    [ConfigurationKeyName("HTTP_URLS")]
    public string HttpUrls { get; set; } = DefaultHttpUrls;

    /// <summary>The public address of this host, used in links (the OAuth redirect URI, the webhook callback).</summary>
    [ConfigurationKeyName("PUBLIC_BASE_URL")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Requests per minute each client address may make to the Strava webhook route (Strava sends a handful).</summary>
    [ConfigurationKeyName("WEBHOOK_RATE_LIMIT")]
    public int WebhookRateLimit { get; set; } = DefaultWebhookRateLimit;

    /// <summary>
    /// The bearer token that opens /api, /metrics and the detailed /healthz to clients not on this machine; unset,
    /// only loopback clients may read them. A secret: compared in constant time, never logged.
    /// </summary>
    [ConfigurationKeyName("MANAGEMENT_TOKEN")]
    public string? ManagementToken { get; set; }

    /// <summary>The HMAC key for OAuth state; when unset, one is generated on first run and stored in the database.</summary>
    [ConfigurationKeyName("STATE_SIGNING_KEY")]
    public string? StateSigningKey { get; set; }
}
