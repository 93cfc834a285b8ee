namespace Bot.Web;

/// <summary>
/// The routes of the web side: Strava's callback and webhook (public), the health check (public status, details for
/// the management surface) and the read-only API (management surface only, see <see cref="ManagementAccess"/>).
/// </summary>
internal static class WebEndpoints
{
    public static WebApplication MapBotWeb(this WebApplication app)
    {
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

        app.MapGet(StravaAuthorizeLinks.CallbackPath,
            (string? code, string? scope, string? state, string? error, StravaCallback callback, CancellationToken cancellationToken) =>
                callback.HandleAsync(code, scope, state, error, cancellationToken));

        app.MapGet("/strava/webhook", (HttpRequest request, StravaWebhook webhook) =>
            webhook.Handshake(request.Query["hub.mode"], request.Query["hub.challenge"], request.Query["hub.verify_token"]));
        app.MapPost("/strava/webhook", (HttpRequest request, StravaWebhook webhook, CancellationToken cancellationToken) =>
            webhook.ReceiveAsync(request, cancellationToken));

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
