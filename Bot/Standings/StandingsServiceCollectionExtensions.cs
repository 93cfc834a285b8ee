using Bot.Standings.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Standings;

internal static class StandingsServiceCollectionExtensions
{
    /// <summary>The standings: the season's numbers, the recorded recomputes of closed weeks and the read-only API.</summary>
    public static IServiceCollection AddStandings(this IServiceCollection services)
    {
        services.TryAddSingleton<StandingsService>();
        services.TryAddSingleton<RecordedRecompute>();
        services.TryAddSingleton<ChallengeLookup>();
        services.TryAddSingleton<SeasonPipeline>();
        services.TryAddSingleton<StandingsApi>();
        return services;
    }
}
