using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DiscordRestClient"/> (one per process, so all requests share the limits).</summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services)
    {
        services.AddOptions<DiscordClientOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new DiscordMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<RestSettings>();
        services.AddHttpClient(DiscordRestClient.HttpClientName, static (sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<DiscordClientOptions>>().Value;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", RestRequestBuilder.UserAgent(options));
                client.Timeout = TimeSpan.FromSeconds(30);
            })
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            })
            // One handler for the process: a rotated handler means cold connections for the ack thread.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's request logging writes the URL, and interaction tokens are in the path.
            .RemoveAllLoggers();
        services.TryAddSingleton(static sp => new DiscordRestClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<DiscordClientOptions>>(),
            sp.GetRequiredService<RestSettings>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));
        return services;
    }
}
