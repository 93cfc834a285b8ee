using Bot.Discord.Commands;

namespace Bot.Tests.Discord.Performance;

/// <summary>
/// The commands of the performance scenario: "long" blocks its thread (the worst kind of handler),
/// "stats" is deferred publicly and returns at once.
/// </summary>
internal sealed class PerformanceModule(LongCommandGate gate) : ApplicationCommandModule
{
    [SlashCommand("long", "Blocks its thread for up to 10 s")]
    [Ephemeral]
    public Task LongAsync(InteractionContext ctx)
    {
        gate.Block(ctx);
        return Task.CompletedTask;
    }

    [SlashCommand("stats", "Deferred publicly, then done")]
    [LongRunning]
    public Task StatsAsync(InteractionContext ctx)
    {
        gate.Pass(ctx);
        return Task.CompletedTask;
    }
}
