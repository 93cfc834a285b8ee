using Bot.Configuration;
using Bot.Strava.Api;
using Bot.Strava.Linking;
using Bot.Strava.Webhooks;
using Bot.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Strava;

public static class StravaServiceCollectionExtensions
{
    /// <summary>
    /// The whole Strava feature: linking (connect page, OAuth callback) and the webhook endpoint always, answering
    /// "Strava is not configured" through fallbacks; the Strava client and its jobs only when STRAVA_CLIENT_ID is set.
    /// Its routes are mapped by <see cref="StravaEndpoints.MapStravaEndpoints"/>.
    /// </summary>
    public static IServiceCollection AddStravaFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StravaOptions>().Bind(configuration);
        services.AddOptions<WebOptions>()
            .Bind(configuration)
            // Read from the configuration, not IOptions<StravaOptions>: a Strava problem must not hide this one.
            .Validate(o => !AppConfiguration.Bind<StravaOptions>(configuration).Enabled || !string.IsNullOrWhiteSpace(o.PublicBaseUrl),
                "PUBLIC_BASE_URL is not set: Strava linking (STRAVA_CLIENT_ID is set) needs the public address of this host for the OAuth redirect");
        if (AppConfiguration.Bind<StravaOptions>(configuration).Enabled)
        {
            services.AddStrava(configuration);
        }

        // Linking.
        services.TryAddSingleton<IStravaLinking, UnconfiguredStravaLinking>();
        services.AddSingleton<StateSigningKey>();
        services.AddSingleton<OAuthStates>();
        services.AddSingleton<StravaAuthorizeLinks>();
        services.AddSingleton<LinkNotifier>();
        services.AddSingleton<StravaCallback>();
        services.AddSingleton<StravaConnectPage>();

        // Webhooks: the endpoint stores events; the processor (registered with the client) works them off.
        services.TryAddSingleton<IWebhookQueueSignal, NoWebhookQueueSignal>();
        services.TryAddSingleton<StravaWebhookSecret>();
        services.AddSingleton<WebhookMetrics>(static sp => new WebhookMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<StravaWebhook>();
        services.Configure<RateLimiterOptions>(static limiter => limiter.AddPolicy(WebhookRateLimit.PolicyName, static context => WebhookRateLimit.Partition(context)));
        return services;
    }

    /// <summary>
    /// The Strava client with its governor, tokens, sync, webhook queue and subscription. Everything is
    /// registered; the background jobs only run when STRAVA_CLIENT_ID is set.
    /// </summary>
    public static IServiceCollection AddStrava(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StravaOptions>()
            .Bind(configuration)
            .Validate(o => !o.Enabled || long.TryParse(o.ClientId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _),
                "STRAVA_CLIENT_ID must be the numeric client id from Strava's API settings page")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.ClientSecret),
                "STRAVA_CLIENT_SECRET is not set: Strava needs it with STRAVA_CLIENT_ID")
            .Validate(o => StravaWebhookSecret.IsValid(o.WebhookSecret),
                $"STRAVA_WEBHOOK_SECRET is too short or not URL-safe: use at least {StravaWebhookSecret.MinimumLength} letters, digits, '-' or '_', or leave it unset to have one generated")
            .Validate(o => IsHttpUrl(o.ApiBaseUrl), "STRAVA_API_BASE_URL is not an http(s) URL")
            .Validate(o => IsHttpUrl(o.OAuthBaseUrl), "STRAVA_OAUTH_BASE_URL is not an http(s) URL")
            .ValidateOnStart();
        services.AddOptions<WebOptions>().Bind(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StravaHttpSettings>();
        services.TryAddSingleton<IMemberNotifier, DiscordMemberNotifier>();
        services.AddSingleton<RateLimitGovernor>();
        services.AddTransient<GovernorObserverHandler>();
        services.AddTransient<StravaRetryHandler>();
        services.AddSingleton(static sp => new StravaMetrics(sp.GetRequiredService<RateLimitGovernor>(), sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddHttpClient<StravaClient>()
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            })
            // The client lives in singletons; the pooled connection lifetime keeps DNS fresh instead.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's request logging writes URLs, and the subscription calls carry the client secret.
            .RemoveAllLoggers()
            .AddHttpMessageHandler<StravaRetryHandler>();
        services.AddHttpClient<StravaClient>().AddHttpMessageHandler<GovernorObserverHandler>();

        services.AddSingleton<StravaTokenService>();
        services.AddSingleton<StravaMemberApi>();
        services.TryAddSingleton<Standings.StandingsService>();
        services.TryAddSingleton<Standings.RecordedRecompute>();
        services.TryAddSingleton<Standings.SeasonPipeline>();
        // A host without the CPU threads (a test host of the Strava jobs) tallies on the caller's thread.
        services.TryAddSingleton<Threading.ICpuWorkQueue, Threading.InlineCpuWorkQueue>();
        services.AddSingleton<ActivityWriter>();
        services.AddSingleton<MemberDeparture>();
        services.AddSingleton<ActivitySync>();
        services.AddSingleton<DeauthorizationCheck>();
        services.AddSingleton<StravaSyncJob>();
        services.AddSingleton<WebhookQueueProcessor>();
        services.AddSingleton<IWebhookQueueSignal>(static sp => sp.GetRequiredService<WebhookQueueProcessor>());
        services.TryAddSingleton<StravaWebhookSecret>();
        services.AddSingleton<StravaSubscriptionJob>();
        services.AddSingleton<IStravaLinking, StravaLinking>();

        if (AppConfiguration.Bind<StravaOptions>(configuration).Enabled)
        {
            services.AddHostedService(static sp => sp.GetRequiredService<WebhookQueueProcessor>());
            services.AddHostedService(static sp => sp.GetRequiredService<StravaSyncJob>());
            services.AddHostedService(static sp => sp.GetRequiredService<StravaSubscriptionJob>());
        }

        return services;
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
