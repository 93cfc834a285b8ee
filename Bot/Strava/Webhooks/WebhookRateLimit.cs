using System.Threading.RateLimiting;
using Bot.Web;
using Microsoft.Extensions.Options;

namespace Bot.Strava.Webhooks;

/// <summary>
/// The webhook route's limit per client address: Strava sends a handful of events per athlete and day, so a sender
/// past this is not Strava. Requests over it get 429 and never reach the handler (nothing is read or stored).
/// </summary>
internal static class WebhookRateLimit
{
    public const string PolicyName = "strava-webhook";

    /// <summary>Requests per address and minute unless WEBHOOK_RATE_LIMIT says otherwise.</summary>
    public const int DefaultPermitLimit = WebOptions.DefaultWebhookRateLimit;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static RateLimitPartition<string> Partition(HttpContext context)
    {
        var permits = context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.WebhookRateLimit;
        return RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 });
    }
}
