namespace Bot.Threading;

/// <summary>The CPU threads for the season tally and how much work may wait for them.</summary>
public sealed class CpuOptions
{
    public const int MaxWorkers = 64;
    public const int DefaultQueueLimit = 64;
    public const int MaxQueueLimit = 10_000;

    /// <summary>One core is left for the gateway, sockets and timers.</summary>
    public static int DefaultWorkers => Math.Clamp(Environment.ProcessorCount - 1, 1, MaxWorkers);

    /// <summary>Dedicated CPU threads; unset means one less than the number of cores (at least 1).</summary>
    [ConfigurationKeyName("CPU_WORKERS")]
    public int? Workers { get; set; }

    /// <summary>Work items that may be queued or running at once; past it the bot answers "busy".</summary>
    [ConfigurationKeyName("CPU_QUEUE_LIMIT")]
    public int QueueLimit { get; set; } = DefaultQueueLimit;

    public int ResolveWorkers() => Workers ?? DefaultWorkers;
}
