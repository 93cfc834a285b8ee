using Bot.Standings.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Standings;

internal static class StandingsServiceCollectionExtensions
{
    /// <summary>The standings: the season's numbers, the closed-week audit and the read-only API.</summary>
    public static IServiceCollection AddStandings(this IServiceCollection services)
    {
        services.TryAddSingleton<StandingsService>();
        services.TryAddSingleton<ClosedWeekAudit>();
        services.TryAddSingleton<ChallengeLookup>();
        services.TryAddSingleton<SeasonPipeline>();
        services.TryAddSingleton<StandingsApi>();
        return services;
    }
}
