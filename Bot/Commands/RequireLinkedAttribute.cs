using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Discord.Commands;

namespace Bot.Commands;

/// <summary>Gives the handler the invoker's member, linked to Strava (a broken link that needs relinking counts); else asks them to link.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RequireLinkedAttribute : InteractionGuardAttribute<MemberRow>
{
    public override async Task<(MemberRow? Value, string? Refusal)> ResolveAsync(InteractionContext ctx, IReadOnlyDictionary<string, object?> options)
    {
        var member = await ctx.Services.GetRequiredService<MemberRepository>().GetByDiscordUserIdAsync((long)ctx.Invoker.Id, ctx.CancellationToken);
        return member is { StravaAthleteId: not null } && member.LinkState != LinkState.Unlinked ? (member, null) : (null, GuardText.Of(ctx, "guard.not_linked"));
    }
}
