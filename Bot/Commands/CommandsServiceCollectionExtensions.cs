using Bot.Threading;

namespace Bot.Commands;

/// <summary>What the command modules need besides the store: the lookup and the CPU queue.</summary>
internal static class CommandsServiceCollectionExtensions
{
    public static IServiceCollection AddBotCommands(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ChallengeLookup>();
        services.AddCpuWork(configuration);
        return services;
    }
}
