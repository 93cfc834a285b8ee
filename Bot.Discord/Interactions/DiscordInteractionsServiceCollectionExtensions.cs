using System.Reflection;
using Bot.Discord.Commands;
using Bot.Discord.Gateway;
using Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Bot.Discord.Interactions;

public static class DiscordInteractionsServiceCollectionExtensions
{
    /// <summary>
    /// Interactions and slash commands: the gateway sink for READY/INTERACTION_CREATE, the handler
    /// pool, the acknowledgement threads and the bulk registration on READY. Add modules with
    /// <see cref="AddSlashCommands(IServiceCollection, Type[])"/>.
    /// </summary>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(InteractionDispatcher)))
        {
            return services;
        }

        services.AddDiscordRest();
        services.TryAddSingleton<DiscordApplication>();
        services.TryAddSingleton<InteractionSettings>();
        services.TryAddSingleton(static sp => SlashCommandRegistry.Build(sp.GetServices<SlashCommandModuleType>().Select(m => m.Type), sp.GetService<ICommandDescriptions>()));
        services.TryAddSingleton(static sp => new SlashCommandCatalog(sp.GetRequiredService<SlashCommandRegistry>()));
        services.TryAddSingleton<AckSender>();
        services.TryAddSingleton<CommandExecutor>();
        services.TryAddSingleton<CommandRegistrar>();
        services.AddSingleton<InteractionDispatcher>();
        services.AddSingleton<IGatewayEventSink>(static sp => sp.GetRequiredService<InteractionDispatcher>());
        services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<InteractionDispatcher>());
        return services;
    }

    /// <summary>Registers command modules (classes deriving from <see cref="ApplicationCommandModule"/>).</summary>
    public static IServiceCollection AddSlashCommands(this IServiceCollection services, params Type[] moduleTypes)
    {
        services.AddDiscordInteractions();
        foreach (var type in moduleTypes)
        {
            services.AddSingleton(new SlashCommandModuleType(type));
        }

        return services;
    }

    /// <summary>Registers every concrete command module in <paramref name="assembly"/>.</summary>
    public static IServiceCollection AddSlashCommands(this IServiceCollection services, Assembly assembly) =>
        services.AddSlashCommands([.. assembly.GetTypes().Where(t => typeof(ApplicationCommandModule).IsAssignableFrom(t) && !t.IsAbstract)]);
}
