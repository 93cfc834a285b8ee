using Bot.Discord.Gateway;
using Bot.Discord.Guilds;
using Bot.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Discord;

public static class DiscordClientServiceCollectionExtensions
{
    /// <summary>
    /// The whole client: gateway (with its hosted service), REST, interactions, command registration and the guild cache
    /// (filled when the intents include GUILDS).
    /// Add command modules with <c>AddSlashCommands</c>.
    /// </summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services, Action<DiscordClientOptions>? configure = null)
    {
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddDiscordGateway();
        services.AddDiscordInteractions();
        services.AddSingleton<GuildCache>();
        services.AddSingleton<IGatewayEventSink>(static sp => sp.GetRequiredService<GuildCache>());
        return services;
    }
}
