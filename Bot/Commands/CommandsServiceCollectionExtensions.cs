using Bot.Threading;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Commands;

/// <summary>What the command modules need besides the store: the lookup and the CPU queue.</summary>
internal static class CommandsServiceCollectionExtensions
{
    public static IServiceCollection AddBotCommands(this IServiceCollection services)
    {
        services.AddSingleton<ChallengeLookup>();
        services.TryAddSingleton<ICpuWorkQueue, InlineCpuWorkQueue>();
        return services;
    }
}
