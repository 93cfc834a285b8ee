using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Data.Repositories;

namespace Bot.Web;

/// <summary>
/// OAuth states for the Strava link: <c>base64url(payload).base64url(HMAC-SHA256(payload))</c>, the payload
/// naming a random nonce, the Discord user, the guild and the expiry. A state is checked in this order:
/// signature (a forged one never reaches the database), expiry (10 minutes, on the injected clock), then
/// consumed once in a write transaction (a replay finds it used).
/// </summary>
internal sealed class OAuthStates(StateSigningKey signingKey, OAuthStateRepository repository, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string Version = "v1";

    public async Task<string> IssueAsync(long discordUserId, long guildId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        await repository.AddAsync(nonce, discordUserId, guildId, expires.UtcDateTime, now.UtcDateTime, cancellationToken);
        var payload = Encoding.ASCII.GetBytes(string.Join(':', Version, nonce,
            discordUserId.ToString(CultureInfo.InvariantCulture), guildId.ToString(CultureInfo.InvariantCulture),
            expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var key = await signingKey.GetAsync(cancellationToken);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>Checks the state and marks it used; valid at most once.</summary>
    public async Task<StateCheck> RedeemAsync(string? state, CancellationToken cancellationToken)
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

        return await repository.ConsumeAsync(nonce, user, guild, now.UtcDateTime, cancellationToken) switch
        {
            OAuthStateConsumption.Consumed => new StateCheck(null, user, guild),
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
