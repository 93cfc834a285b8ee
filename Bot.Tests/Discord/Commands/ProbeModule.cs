using Bot.Discord.Commands;

namespace Bot.Tests.Discord.Commands;

internal sealed class ProbeModule(HandlerProbe probe) : ApplicationCommandModule
{
    [SlashCommand("quick", "Answers at once")]
    public Task QuickAsync(InteractionContext ctx) => probe.RunAsync("quick", ctx);

    [SlashCommand("slow", "Deferred ephemerally before it runs")]
    [Ephemeral]
    public Task SlowAsync(InteractionContext ctx) => probe.RunAsync("slow", ctx);

    [SlashCommand("public", "Deferred publicly before it runs")]
    [LongRunning]
    public Task PublicAsync(InteractionContext ctx) => probe.RunAsync("public", ctx);

    [SlashCommand("week", "Points of one week")]
    [AllowDirectMessages]
    public Task WeekAsync(InteractionContext ctx, [Option("week", "Week number")][Minimum(1)][Maximum(53)] int week, [Option("year", "Season year")] long year = 2026) =>
        probe.RunAsync("week", ctx, week, year);

    [SlashCommand("big", "Echoes an integer")]
    public Task BigAsync(InteractionContext ctx, [Option("value", "Any integer")] long value) => probe.RunAsync("big", ctx, value);
}
