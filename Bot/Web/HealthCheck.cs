using Bot.Data;
using Bot.Discord.Gateway;
using Microsoft.EntityFrameworkCore;

namespace Bot.Web;

/// <summary><c>GET /healthz</c>: the database answers a query and the Discord gateway has a live session. 200 when both, else 503.</summary>
internal sealed class HealthCheck(IDbContextFactory<ChallengeDbContext> contextFactory, GatewayClient gateway, ILogger<HealthCheck> logger, Strava.RateLimitGovernor? governor = null)
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(2);

    public async Task<IResult> HandleAsync(CancellationToken cancellationToken)
    {
        var pending = await PendingWebhookEventsAsync(cancellationToken);
        var database = pending is not null;
        var discord = gateway.IsConnected;
        var healthy = database && discord;
        var ackAge = gateway.HeartbeatAckAge is { } age ? Math.Round(age.TotalSeconds, 1) : (double?)null;
        return TypedResults.Json(
            new HealthReport(healthy ? "healthy" : "unhealthy", database, discord, ackAge, governor?.State, pending),
            WebJson.Options,
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
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
