using Bot.Discord.Commands;
using Bot.Strava.Linking;

namespace Bot.Commands;

/// <summary>The bot is configured for Strava; else the invoker reads that it is not, in their language (and nothing calls Strava).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireStravaAttribute : InteractionCheckAttribute
{
    public override Task<string?> RefusalAsync(InteractionContext ctx) => Task.FromResult(
        ctx.Services.GetRequiredService<StravaAuthorizeLinks>().StravaEnabled ? null : GuardText.Of(ctx, "guard.no_strava"));
}
