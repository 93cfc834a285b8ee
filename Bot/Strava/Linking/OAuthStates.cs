using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Data.Entities;
using Bot.Data.Repositories;

namespace Bot.Strava.Linking;

/// <summary>
/// OAuth states for the Strava link: <c>base64url(payload).base64url(HMAC-SHA256(payload))</c>, the payload
/// naming a random nonce, the Discord user, the guild and the expiry. A state is checked in this order:
/// signature (a forged one never reaches the database), expiry (10 minutes, on the injected clock), then
/// consumed once in a write transaction (a replay finds it used). The connect page makes the same checks
/// without consuming it, so opening that page (twice, or a preview of the link) never spends the state.
/// </summary>
internal sealed class OAuthStates(StateSigningKey signingKey, OAuthStateRepository repository, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string Version = "v1";

    /// <param name="forceApproval">Show Strava's consent page even when the athlete approved before (kept for the connect page).</param>
    public async Task<string> IssueAsync(long discordUserId, long guildId, LinkLabels labels, bool forceApproval, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        await repository.AddAsync(new OAuthState
        {
            Nonce = nonce,
            DiscordUserId = discordUserId,
            GuildId = guildId,
            ExpiresAtUtc = expires.UtcDateTime,
            UserLabel = labels.Account,
            GuildName = labels.Server,
            ForceApproval = forceApproval,
        }, now.UtcDateTime, cancellationToken);
        var payload = Encoding.ASCII.GetBytes(string.Join(':', Version, nonce,
            discordUserId.ToString(CultureInfo.InvariantCulture), guildId.ToString(CultureInfo.InvariantCulture),
            expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var key = await signingKey.GetAsync(cancellationToken);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>Checks the state and marks it used; valid at most once.</summary>
    public Task<StateCheck> RedeemAsync(string? state, CancellationToken cancellationToken) => CheckAsync(state, consume: true, cancellationToken);

    /// <summary>Checks the state exactly as <see cref="RedeemAsync"/> does, but leaves it unused.</summary>
    public Task<StateCheck> PeekAsync(string? state, CancellationToken cancellationToken) => CheckAsync(state, consume: false, cancellationToken);

    private async Task<StateCheck> CheckAsync(string? state, bool consume, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state))
        {
            return StateCheck.Refused(StateProblem.Missing);
        }

        var key = await signingKey.GetAsync(cancellationToken);
        if (Parse(state, key) is not var (nonce, user, guild, expires))
        {
            return StateCheck.Refused(StateProblem.Forged);
        }

        var now = time.GetUtcNow();
        if (expires <= now)
        {
            return StateCheck.Refused(StateProblem.Expired);
        }

        var found = consume
            ? await repository.ConsumeAsync(nonce, user, guild, now.UtcDateTime, cancellationToken)
            : await repository.ReadAsync(nonce, user, guild, now.UtcDateTime, cancellationToken);
        return found.Outcome switch
        {
            OAuthStateConsumption.Consumed or OAuthStateConsumption.Usable =>
                new StateCheck(null, user, guild, new LinkLabels(found.State!.UserLabel, found.State.GuildName), found.State.ForceApproval),
            OAuthStateConsumption.Expired => StateCheck.Refused(StateProblem.Expired),
            OAuthStateConsumption.AlreadyUsed => StateCheck.Refused(StateProblem.Replayed),

            // Signed by us but unknown (issued by another database) or bound to someone else.
            _ => StateCheck.Refused(StateProblem.Forged),
        };
    }

    private static (string Nonce, long User, long Guild, DateTimeOffset Expires)? Parse(string state, byte[] key)
    {
        var dot = state.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || state.Length > 512)
        {
            return null;
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(state.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(state.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature))
        {
            return null;
        }

        var parts = Encoding.ASCII.GetString(payload).Split(':');
        return parts.Length == 5 && parts[0] == Version
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var guild)
            && long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            ? (parts[1], user, guild, DateTimeOffset.FromUnixTimeSeconds(expires))
            : null;
    }
}
