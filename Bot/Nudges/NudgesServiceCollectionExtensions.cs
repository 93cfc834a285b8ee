using Bot.Schedule;

namespace Bot.Nudges;

internal static class NudgesServiceCollectionExtensions
{
    /// <summary>The reminder and milestone jobs on the one schedule ticker.</summary>
    public static IServiceCollection AddNudges(this IServiceCollection services)
    {
        services.AddScheduledJob<ReminderJob>();
        services.AddScheduledJob<MilestoneJob>();
        return services;
    }
}
