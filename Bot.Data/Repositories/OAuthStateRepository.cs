using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>The one-time OAuth states: issued for a Discord user and guild, consumed once.</summary>
public sealed class OAuthStateRepository(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    /// <summary>Stores a new state and drops the ones past their expiry (their signature no longer passes anyway).</summary>
    public Task AddAsync(string nonce, long discordUserId, long guildId, DateTime expiresAtUtc, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            await context.OAuthStates.Where(s => s.ExpiresAtUtc < nowUtc).ExecuteDeleteAsync(ct);
            context.OAuthStates.Add(new OAuthState { Nonce = nonce, DiscordUserId = discordUserId, GuildId = guildId, ExpiresAtUtc = expiresAtUtc });
            return true;
        }, cancellationToken);

    /// <summary>
    /// Marks the state used, in one write transaction, so two callbacks racing with the same state cannot
    /// both pass: the second sees it used.
    /// </summary>
    public Task<OAuthStateConsumption> ConsumeAsync(string nonce, long discordUserId, long guildId, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var state = await context.OAuthStates.SingleOrDefaultAsync(s => s.Nonce == nonce, ct);
            if (state is null)
            {
                return OAuthStateConsumption.Unknown;
            }

            if (state.DiscordUserId != discordUserId || state.GuildId != guildId)
            {
                return OAuthStateConsumption.Mismatch;
            }

            if (state.UsedAtUtc is not null)
            {
                return OAuthStateConsumption.AlreadyUsed;
            }

            if (state.ExpiresAtUtc <= nowUtc)
            {
                return OAuthStateConsumption.Expired;
            }

            state.UsedAtUtc = nowUtc;
            return OAuthStateConsumption.Consumed;
        }, cancellationToken);
}
