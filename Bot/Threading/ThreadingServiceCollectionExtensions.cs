using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Threading;

/// <summary>The CPU threads for the tally, the queue features inject, and single-flight sharing.</summary>
internal static class ThreadingServiceCollectionExtensions
{
    public static IServiceCollection AddCpuWork(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CpuOptions>()
            .Bind(configuration)
            .Validate(o => o.Workers is null or (>= 1 and <= CpuOptions.MaxWorkers),
                $"CPU_WORKERS must be between 1 and {CpuOptions.MaxWorkers}; leave it unset for one less than the number of cores")
            .Validate(o => o.QueueLimit is >= 1 and <= CpuOptions.MaxQueueLimit,
                $"CPU_QUEUE_LIMIT must be between 1 and {CpuOptions.MaxQueueLimit}")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Created by the container, so disposed with it: the worker threads drain and exit on shutdown.
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CpuOptions>>().Value;
            return new DedicatedThreadTaskScheduler(options.ResolveWorkers(), options.QueueLimit);
        });
        services.AddSingleton<ICpuWorkQueue, CpuWorkQueue>();
        services.AddSingleton(typeof(SingleFlight<,>));
        return services;
    }
}
