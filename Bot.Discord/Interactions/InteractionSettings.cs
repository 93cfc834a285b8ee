namespace Bot.Discord.Interactions;

/// <summary>Interaction limits: Discord's deadlines and this process's dispatch sizing.</summary>
internal sealed class InteractionSettings
{
    public TimeSpan InitialResponseDeadline { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Handlers running at once; each is async, so this bounds work, not threads.</summary>
    public int HandlerConcurrency { get; set; } = 32;

    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Dedicated threads that send auto-defers with blocking I/O, immune to thread-pool starvation.</summary>
    public int AckThreads { get; set; } = 2;

    /// <summary>An idle acknowledgement thread re-uses its connection this often so it stays open.</summary>
    public TimeSpan AckKeepAlive { get; set; } = TimeSpan.FromSeconds(45);
}
