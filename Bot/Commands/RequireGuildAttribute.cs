using Bot.Discord.Commands;

namespace Bot.Commands;

/// <summary>The command runs in a server's channel only; in a DM the invoker reads the text of <see cref="RefusalKey"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireGuildAttribute : InteractionCheckAttribute
{
    /// <summary>The catalog key of what a DM is answered (in the invoker's language); by default "guard.guild_only".</summary>
    public string RefusalKey { get; init; } = "guard.guild_only";

    public override Task<string?> RefusalAsync(InteractionContext ctx) =>
        Task.FromResult(ctx.GuildId is null ? GuardText.Of(ctx, RefusalKey) : null);
}
