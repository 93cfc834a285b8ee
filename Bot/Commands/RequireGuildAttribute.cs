using Bot.Discord.Commands;
using Bot.Standings;

namespace Bot.Commands;

/// <summary>The command runs in a server's channel only; in a DM the invoker reads <see cref="Refusal"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireGuildAttribute : InteractionCheckAttribute
{
    /// <summary>What a DM is answered; by default <see cref="ChallengeLookup.GuildOnly"/>.</summary>
    public string Refusal { get; init; } = ChallengeLookup.GuildOnly;

    public override Task<string?> RefusalAsync(InteractionContext ctx) =>
        Task.FromResult(ctx.GuildId is null ? Refusal : null);
}
