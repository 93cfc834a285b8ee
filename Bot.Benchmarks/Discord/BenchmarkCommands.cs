using Bot.Discord.Commands;

namespace Bot.Benchmarks.Discord;

/// <summary>One deferred command whose handler does nothing: the benchmarks measure the client, not a handler.</summary>
internal sealed class BenchmarkCommands : ApplicationCommandModule
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "the registry invokes handlers on a module instance")]
    [SlashCommand("stats", "Deferred ephemerally, then done")]
    [Ephemeral]
    public Task StatsAsync(InteractionContext ctx) => Task.CompletedTask;
}
