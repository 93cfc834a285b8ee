using Bot.Discord.Commands;

namespace Bot.Tests.Discord.Commands;

/// <summary>Commands behind checks and guards: the outer check lets only servers in, the inner group's check refuses everyone.</summary>
[SlashCommandGroup("guarded", "Commands behind checks and guards")]
[ServersOnly]
internal sealed class GuardedModule(HandlerProbe probe) : ApplicationCommandModule
{
    public const string ServersOnlyText = "Servers only.";
    public const string ZeroText = "Not zero.";
    public const string InnerText = "The inner group says no.";

    [SlashCommand("double", "Doubles a number that is not zero")]
    public Task DoubleAsync(InteractionContext ctx, [Doubled] long doubled, [Option("n", "A number")] long n) => probe.RunAsync("guarded double", ctx, doubled, n);

    [SlashCommandGroup("inner", "A group refused to all")]
    [RefuseAll]
    public sealed class Inner(HandlerProbe probe) : ApplicationCommandModule
    {
        [SlashCommand("run", "Never runs")]
        [Ephemeral]
        public Task RunAsync(InteractionContext ctx) => probe.RunAsync("guarded inner run", ctx);
    }

    [AttributeUsage(AttributeTargets.Class)]
    private sealed class ServersOnlyAttribute : InteractionCheckAttribute
    {
        public override Task<string?> RefusalAsync(InteractionContext ctx) => Task.FromResult(ctx.GuildId is null ? ServersOnlyText : null);
    }

    [AttributeUsage(AttributeTargets.Class)]
    private sealed class RefuseAllAttribute : InteractionCheckAttribute
    {
        public override Task<string?> RefusalAsync(InteractionContext ctx) => Task.FromResult<string?>(InnerText);
    }

    /// <summary>Twice the option <c>n</c>; refuses zero.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    internal sealed class DoubledAttribute : InteractionGuardAttribute<long>
    {
        public override Task<(long Value, string? Refusal)> ResolveAsync(InteractionContext ctx, IReadOnlyDictionary<string, object?> options) =>
            Task.FromResult(options["n"] is 0L ? (0L, (string?)ZeroText) : ((long)options["n"]! * 2, null));
    }
}
