using Bot.Strava;
using Microsoft.AspNetCore.HttpOverrides;

namespace Bot.Web;

/// <summary>
/// The routes of the web side: the Strava connect page, Strava's callback and webhook (public), the health check (public
/// status, details for the management surface) and the read-only API (management surface only, see <see cref="ManagementAccess"/>).
/// </summary>
internal static class WebEndpoints
{
    public static WebApplication MapBotWeb(this WebApplication app)
    {
        // Behind a reverse proxy on this host, the client's address is the proxy's X-Forwarded-For (trusted only from
        // loopback, ASP.NET Core's default), so per-address limits and loopback-only routes see the real client.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        // The boundary: an unexpected failure is one log line and a one-line 500, never a stack trace in the answer.
        app.UseExceptionHandler(failed => failed.Run(async context =>
        {
            var error = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>();
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebEndpoints));
            WebLog.RequestFailed(logger, context.Request.Path, error?.Error ?? new InvalidOperationException("unknown failure"));
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("internal error; the bot's log has the details\n");
        }));
        app.UseManagementAccess();

        app.UseRateLimiter();

        app.MapGet(StravaAuthorizeLinks.ConnectPath, (string? state, StravaConnectPage page, CancellationToken cancellationToken) =>
            page.HandleAsync(state, cancellationToken));
        app.MapGet(StravaAuthorizeLinks.CallbackPath,
            (string? code, string? scope, string? state, string? error, StravaCallback callback, CancellationToken cancellationToken) =>
                callback.HandleAsync(code, scope, state, error, cancellationToken));

        // Only the secret path exists; /strava/webhook and every other guess is a plain 404. Each client address has
        // its own small budget of requests, so one flooding sender cannot crowd out Strava's deliveries.
        app.MapGet(StravaWebhookSecret.PathPrefix + "{secret}", (string secret, HttpRequest request, StravaWebhook webhook, CancellationToken cancellationToken) =>
                webhook.HandshakeAsync(secret, request.Query["hub.mode"], request.Query["hub.challenge"], request.Query["hub.verify_token"], cancellationToken))
            .RequireRateLimiting(WebhookRateLimit.PolicyName);
        app.MapPost(StravaWebhookSecret.PathPrefix + "{secret}", (string secret, HttpRequest request, StravaWebhook webhook, CancellationToken cancellationToken) =>
                webhook.ReceiveAsync(secret, request, cancellationToken))
            .RequireRateLimiting(WebhookRateLimit.PolicyName);

        // Anyone may ask whether the bot is healthy; the details are for the management surface's callers.
        app.MapGet("/healthz", (HttpContext context, ManagementAccess access, HealthCheck health, CancellationToken cancellationToken) =>
            health.HandleAsync(access.Allows(context), cancellationToken));

        var management = app.MapGroup("/api").RequireManagementAccess();
        management.MapGet("/seasons", (StandingsApi api, CancellationToken cancellationToken) => api.SeasonsAsync(cancellationToken));
        management.MapGet("/standings", (string? guild, string? season, StandingsApi api, CancellationToken cancellationToken) =>
            api.StandingsAsync(guild, season, cancellationToken));
        return app;
    }
}
