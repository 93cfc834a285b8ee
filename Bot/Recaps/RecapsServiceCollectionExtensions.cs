using Bot.Schedule;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Recaps;

internal static class RecapsServiceCollectionExtensions
{
    /// <summary>The weekly recap (and season close) in each server's channel, on the schedule's ticker.</summary>
    public static IServiceCollection AddRecaps(this IServiceCollection services)
    {
        services.TryAddSingleton<RecapPoster>();
        services.AddScheduledJob<RecapJob>();
        return services;
    }
}
