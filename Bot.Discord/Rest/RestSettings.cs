namespace Bot.Discord.Rest;

/// <summary>Limits that are Discord's, not the operator's; tests shrink them.</summary>
internal sealed class RestSettings
{
    public int GlobalRequestsPerWindow { get; set; } = 50;

    /// <summary>Slightly over 1 s so network jitter never lets the server see 51 in one second.</summary>
    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromMilliseconds(1100);

    /// <summary>Discord bans an IP for a while at 10,000 401/403/429 in 10 minutes; stop short of it.</summary>
    public int InvalidRequestBudget { get; set; } = 9_000;

    public TimeSpan InvalidRequestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wait for a 429 that names no time (e.g. from Cloudflare).</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
