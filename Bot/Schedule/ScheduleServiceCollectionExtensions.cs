using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Schedule;

internal static class ScheduleServiceCollectionExtensions
{
    /// <summary>Adds a job to the one <see cref="ScheduleTicker"/> (registered with the first job).</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, IScheduledJob
    {
        services.TryAddSingleton<TJob>();
        services.AddSingleton<IScheduledJob>(static provider => provider.GetRequiredService<TJob>());
        services.AddHostedService<ScheduleTicker>(); // added once, however many jobs
        return services;
    }
}
