using Bot.Discord.Commands;
using Bot.Standings;

namespace Bot.Commands;

/// <summary>
/// Gives the handler this server's current challenge and the invoker's place in it. In a DM, in a server without a
/// challenge, or for someone not in it, the invoker reads which is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RequireMemberAttribute : InteractionGuardAttribute<ChallengeMember>
{
    public override async Task<(ChallengeMember? Value, string? Refusal)> ResolveAsync(InteractionContext ctx, IReadOnlyDictionary<string, object?> options)
    {
        var (found, refusal) = await RequireChallengeAttribute.FindAsync(ctx, null);
        if (found is null)
        {
            return (null, refusal);
        }

        var me = await ctx.Services.GetRequiredService<ChallengeLookup>().FindParticipantAsync(found.Challenge, ctx.Invoker.Id, ctx.CancellationToken);
        return me is null ? (null, GuardText.Of(ctx, "guard.not_linked")) : (new ChallengeMember(found, me), null);
    }
}
