using Bot.Strava.Linking;
using Bot.Strava.Webhooks;

namespace Bot.Strava;

/// <summary>The Strava feature's public routes: the connect page, the OAuth callback and the webhook.</summary>
internal static class StravaEndpoints
{
    public static WebApplication MapStravaEndpoints(this WebApplication app)
    {
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
        return app;
    }
}
