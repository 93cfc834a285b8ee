using Bot.Pictures;
using Bot.Threading;

namespace Bot.Commands;

/// <summary>What the command modules need besides the store: the lookup, the CPU queue and the pictures.</summary>
internal static class CommandsServiceCollectionExtensions
{
    public static IServiceCollection AddBotCommands(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ChallengeLookup>();
        services.AddSingleton<SeasonExports>();
        services.AddCpuWork(configuration);
        services.AddPictures();
        return services;
    }
}
