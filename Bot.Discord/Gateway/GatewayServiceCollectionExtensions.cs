using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// The gateway client, its hosted service and <see cref="DiscordApplication"/>. Reads
    /// <see cref="DiscordClientOptions"/> through IOptions; dispatches go to every registered
    /// <see cref="IGatewayEventSink"/>.
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        services.AddOptions<DiscordClientOptions>();
        services.AddHttpClient(GatewayClient.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new DiscordMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<DiscordApplication>();
        services.TryAddSingleton<IGatewayTransport, WebSocketGatewayTransport>();
        services.TryAddSingleton(sp => new GatewayClient(
            sp.GetRequiredService<IOptions<DiscordClientOptions>>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IGatewayTransport>(),
            sp.GetServices<IGatewayEventSink>(),
            sp.GetRequiredService<DiscordApplication>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GatewayClient>>(),
            new Random(),
            sp.GetRequiredService<DiscordMetrics>()));
        services.AddHostedService<GatewayHostedService>();
        return services;
    }
}
