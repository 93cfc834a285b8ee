using Bot.Strava;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Web;

/// <summary>The web side's settings and services, with fallbacks the Strava client replaces when it is registered.</summary>
internal static class WebServiceCollectionExtensions
{
    public const int MinimumSigningKeyLength = 32;

    public static IServiceCollection AddBotWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StravaOptions>().Bind(configuration);
        services.AddOptions<WebOptions>()
            .Bind(configuration)
            .Validate(o => ListenUrls(o.HttpUrls) is not null, "HTTP_URLS must be one or more http(s) URLs separated by ';' (e.g. http://127.0.0.1:8080)")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || IsHttpUrl(o.PublicBaseUrl),
                "PUBLIC_BASE_URL is not an http(s) URL (e.g. https://bot.example.org)")
            // Read from the configuration, not IOptions<StravaOptions>: a Strava problem must not hide this one.
            .Validate(o => !Configuration.AppConfiguration.Bind<StravaOptions>(configuration).Enabled || !string.IsNullOrWhiteSpace(o.PublicBaseUrl),
                "PUBLIC_BASE_URL is not set: Strava linking (STRAVA_CLIENT_ID is set) needs the public address of this host for the OAuth redirect")
            .Validate(o => o.WebhookRateLimit > 0, "WEBHOOK_RATE_LIMIT must be a positive number of requests per minute")
            .Validate(o => string.IsNullOrEmpty(o.StateSigningKey) || o.StateSigningKey.Length >= MinimumSigningKeyLength,
                $"STATE_SIGNING_KEY is too short: use at least {MinimumSigningKeyLength} random characters, or leave it unset to have one generated")
            .Validate(o => string.IsNullOrEmpty(o.ManagementToken) || o.ManagementToken.Length >= MinimumSigningKeyLength,
                $"MANAGEMENT_TOKEN is too short: use at least {MinimumSigningKeyLength} random characters (e.g. openssl rand -hex 32), or leave it unset for loopback-only access")
            .ValidateOnStart();

        // Host filtering (ASP.NET Core's, on by default with "*"): with a public address, only the names the bot is
        // reached under are served, so a request for any other name (DNS rebinding, a stray vhost) gets 400. An
        // AllowedHosts the operator set explicitly wins.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<WebOptions>>((filtering, web) =>
        {
            if (string.IsNullOrEmpty(configuration["AllowedHosts"]) && AllowedHosts(web.Value.PublicBaseUrl, web.Value.HttpUrls) is { } hosts)
            {
                filtering.AllowedHosts = hosts;
            }
        });

        services.TryAddSingleton<IStravaAccounts, UnconfiguredStravaAccounts>();
        services.TryAddSingleton<IWebhookQueueSignal, NoWebhookQueueSignal>();
        services.AddSingleton<StateSigningKey>();
        services.AddSingleton<OAuthStates>();
        services.AddSingleton<StravaAuthorizeLinks>();
        services.AddSingleton<LinkNotifier>();
        services.AddSingleton<StravaCallback>();
        services.TryAddSingleton<StravaWebhookSecret>();
        services.AddSingleton<WebhookMetrics>(static sp => new WebhookMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<StravaConnectPage>();
        services.AddSingleton<StravaWebhook>();
        services.AddRateLimiter(static limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WebhookRateLimit.PolicyName, static context => WebhookRateLimit.Partition(context));
        });
        services.AddSingleton<HealthCheck>();
        services.AddSingleton<StandingsApi>();
        services.AddSingleton<ManagementAccess>();
        return services;
    }

    /// <summary>The listen addresses of HTTP_URLS, or null when one is not an http(s) URL.</summary>
    public static string[]? ListenUrls(string? httpUrls)
    {
        var urls = (httpUrls ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return urls.Length > 0 && urls.All(IsHttpUrl) ? urls : null;
    }

    /// <summary>
    /// PUBLIC_BASE_URL's host, the loopback names (local health checks) and the specific hosts of HTTP_URLS (a
    /// management client addresses the listener directly); null without a public address: every host, as before.
    /// </summary>
    public static string[]? AllowedHosts(string? publicBaseUrl, string? httpUrls)
    {
        if (HostOf(publicBaseUrl) is not { } publicHost)
        {
            return null;
        }

        var listeners = (ListenUrls(httpUrls) ?? []).Select(HostOf).OfType<string>().Where(h => h is not ("0.0.0.0" or "[::]"));
        return [.. new[] { publicHost, "localhost", "127.0.0.1", "[::1]" }.Concat(listeners).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>A URL's host as the Host header carries it: an IPv6 address in brackets, a DNS name in its ASCII form.</summary>
    private static string? HostOf(string? url) =>
        !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.HostNameType == UriHostNameType.Dns ? uri.IdnHost : uri.Host
            : null;

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
