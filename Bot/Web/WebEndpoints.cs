using Microsoft.AspNetCore.HttpOverrides;

namespace Bot.Web;

/// <summary>
/// The shared web host every feature's endpoints run behind: forwarded headers, the one-line 500, the management
/// surface (<see cref="ManagementAccess"/>) and the rate limiter. The features map their own routes after this.
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

        return app;
    }
}
