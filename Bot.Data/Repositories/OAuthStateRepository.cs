using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>The one-time OAuth states: issued for a Discord user and guild, read by the connect page, consumed once by the callback.</summary>
public sealed class OAuthStateRepository(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    /// <summary>
    /// Stores a new state (its labels cut to <see cref="OAuthState.LabelMaxLength"/>) and drops the ones past their
    /// expiry (their signature no longer passes anyway).
    /// </summary>
    public Task AddAsync(OAuthState state, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            await context.OAuthStates.Where(s => s.ExpiresAtUtc < nowUtc).ExecuteDeleteAsync(ct);
            state.UserLabel = Bounded(state.UserLabel);
            state.GuildName = Bounded(state.GuildName);
            context.OAuthStates.Add(state);
            return true;
        }, cancellationToken);

    /// <summary>Checks the state as <see cref="ConsumeAsync"/> does but leaves it unused: <see cref="OAuthStateConsumption.Usable"/> when it would pass.</summary>
    public async Task<OAuthStateCheck> ReadAsync(string nonce, long discordUserId, long guildId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            var state = await context.OAuthStates.AsNoTracking().SingleOrDefaultAsync(s => s.Nonce == nonce, cancellationToken);
            return new OAuthStateCheck(Problem(state, discordUserId, guildId, nowUtc) ?? OAuthStateConsumption.Usable, state);
        }
    }

    /// <summary>
    /// Marks the state used, in one write transaction, so two callbacks racing with the same state cannot
    /// both pass: the second sees it used.
    /// </summary>
    public Task<OAuthStateCheck> ConsumeAsync(string nonce, long discordUserId, long guildId, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var state = await context.OAuthStates.SingleOrDefaultAsync(s => s.Nonce == nonce, ct);
            if (Problem(state, discordUserId, guildId, nowUtc) is { } problem)
            {
                return new OAuthStateCheck(problem, state);
            }

            state!.UsedAtUtc = nowUtc;
            return new OAuthStateCheck(OAuthStateConsumption.Consumed, state);
        }, cancellationToken);

    private static OAuthStateConsumption? Problem(OAuthState? state, long discordUserId, long guildId, DateTime nowUtc) => state switch
    {
        null => OAuthStateConsumption.Unknown,
        _ when state.DiscordUserId != discordUserId || state.GuildId != guildId => OAuthStateConsumption.Mismatch,
        { UsedAtUtc: not null } => OAuthStateConsumption.AlreadyUsed,
        _ when state.ExpiresAtUtc <= nowUtc => OAuthStateConsumption.Expired,
        _ => null,
    };

    // Cut on a character boundary, never inside a surrogate pair.
    private static string? Bounded(string? text) =>
        text is { Length: > OAuthState.LabelMaxLength }
            ? text[..(char.IsHighSurrogate(text[OAuthState.LabelMaxLength - 1]) ? OAuthState.LabelMaxLength - 1 : OAuthState.LabelMaxLength)]
            : text;
}
