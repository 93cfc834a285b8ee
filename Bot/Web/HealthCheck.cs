using Bot.Data;
using Bot.Discord.Gateway;
using Microsoft.EntityFrameworkCore;

namespace Bot.Web;

/// <summary><c>GET /healthz</c>: the database answers a query and the Discord gateway has a live session. 200 when both, else 503.</summary>
internal sealed class HealthCheck(IDbContextFactory<ChallengeDbContext> contextFactory, GatewayClient gateway, ILogger<HealthCheck> logger)
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(2);

    public async Task<IResult> HandleAsync(CancellationToken cancellationToken)
    {
        var database = await DatabaseReachableAsync(cancellationToken);
        var discord = gateway.IsConnected;
        var healthy = database && discord;
        return TypedResults.Json(
            new HealthReport(healthy ? "healthy" : "unhealthy", database, discord),
            WebJson.Options,
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<bool> DatabaseReachableAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            var context = await contextFactory.CreateDbContextAsync(timeout.Token);
            await using (context)
            {
                // A real table, so a file without the schema does not count as reachable.
                _ = await context.AppSettings.AsNoTracking().AnyAsync(timeout.Token);
                return true;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            WebLog.DatabaseUnreachable(logger, exception.GetType().Name);
            return false;
        }
    }
}
