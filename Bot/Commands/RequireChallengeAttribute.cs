using Bot.Discord.Commands;
using Bot.Standings;

namespace Bot.Commands;

/// <summary>
/// Gives the handler this server's challenge: the season named by the option <see cref="SeasonOption"/> when the
/// invoker gave one, else the current one. In a DM, or when the server has no such season, the invoker reads why.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RequireChallengeAttribute : InteractionGuardAttribute<ChallengeContext>
{
    /// <summary>The name of the integer option that picks a season, if the command has one.</summary>
    public string? SeasonOption { get; init; }

    public override Task<(ChallengeContext? Value, string? Refusal)> ResolveAsync(InteractionContext ctx, IReadOnlyDictionary<string, object?> options) =>
        FindAsync(ctx, SeasonOption is { } name && options.GetValueOrDefault(name) is long year ? (int)year : null);

    internal static async Task<(ChallengeContext? Value, string? Refusal)> FindAsync(InteractionContext ctx, int? season)
    {
        if (ctx.GuildId is not { } guild)
        {
            return (null, GuardText.Of(ctx, "guard.guild_only"));
        }

        var found = await ctx.Services.GetRequiredService<ChallengeLookup>().FindAsync(guild, season, ctx.CancellationToken);
        return found is not null ? (found, null)
            : season is { } year ? (null, GuardText.Of(ctx, "guard.no_season", year))
            : (null, GuardText.Of(ctx, "guard.no_challenge"));
    }
}
