using Bot.Data;
using Bot.Discord.Gateway;
using Bot.Web;
using Microsoft.EntityFrameworkCore;

namespace Bot.Hosting;

/// <summary>
/// <c>GET /healthz</c>: the database answers a query and the Discord gateway has a live session. 200 when both, else
/// 503; the details (gateway, Strava budget, queue) only for the management surface's callers.
/// </summary>
internal sealed class HealthCheck(IDbContextFactory<ChallengeDbContext> contextFactory, GatewayClient gateway, ILogger<HealthCheck> logger, Strava.RateLimitGovernor? governor = null)
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Anyone may ask whether the bot is healthy; the details are for the management surface's callers.</summary>
    public static void Map(WebApplication app) =>
        app.MapGet("/healthz", (HttpContext context, ManagementAccess access, HealthCheck health, CancellationToken cancellationToken) =>
            health.HandleAsync(access.Allows(context), cancellationToken));

    /// <param name="detailed">The whole report; else only <c>{"status"}</c>, for callers outside the management surface.</param>
    public async Task<IResult> HandleAsync(bool detailed, CancellationToken cancellationToken)
    {
        var pending = await PendingWebhookEventsAsync(cancellationToken);
        var database = pending is not null;
        var discord = gateway.IsConnected;
        var healthy = database && discord;
        var status = healthy ? "healthy" : "unhealthy";
        var code = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        if (!detailed)
        {
            return TypedResults.Json(new HealthStatus(status), WebJson.Options, statusCode: code);
        }

        var ackAge = gateway.HeartbeatAckAge is { } age ? Math.Round(age.TotalSeconds, 1) : (double?)null;
        return TypedResults.Json(new HealthReport(status, database, discord, ackAge, governor?.State, pending), WebJson.Options, statusCode: code);
    }

    /// <summary>The queued Strava events not processed yet; null when the database does not answer.</summary>
    private async Task<int?> PendingWebhookEventsAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            var context = await contextFactory.CreateDbContextAsync(timeout.Token);
            await using (context)
            {
                // A real table, so a file without the schema does not count as reachable.
                return await context.WebhookEvents.AsNoTracking().CountAsync(e => e.ProcessedAtUtc == null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            WebLog.DatabaseUnreachable(logger, exception.GetType().Name);
            return null;
        }
    }
}
