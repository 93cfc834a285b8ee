using Bot.Discord.Commands;
using Bot.Pictures;
using Bot.Standings;
using Bot.Threading;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Commands;

/// <summary>What the command modules need besides the store: the lookup, the CPU queue and the pictures.</summary>
internal static class CommandsServiceCollectionExtensions
{
    public static IServiceCollection AddBotCommands(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ChallengeLookup>();
        services.TryAddSingleton<ICommandDescriptions, CommandDescriptions>();
        services.TryAddSingleton<IClientTexts, ClientTexts>();
        services.AddSingleton<SeasonExports>();
        services.TryAddSingleton<Standings.StandingsService>();
        services.TryAddSingleton<Standings.RecordedRecompute>();
        services.AddCpuWork(configuration);
        services.AddPictures();
        return services;
    }
}
