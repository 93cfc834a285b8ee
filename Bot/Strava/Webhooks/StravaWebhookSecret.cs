using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Bot.Configuration;
using Bot.Data.Repositories;
using Microsoft.Extensions.Options;

namespace Bot.Strava.Webhooks;

/// <summary>
/// The unguessable last segment of the webhook's callback URL (<c>/strava/webhook/&lt;secret&gt;</c>): Strava signs
/// nothing, so the address is what keeps strangers' events out. STRAVA_WEBHOOK_SECRET when set, else 32 random bytes
/// generated on first use and kept in the database (like the OAuth state key). Loaded once. When it changes, the
/// subscription job finds Strava's callback URL different and subscribes again at the new one.
/// </summary>
public sealed class StravaWebhookSecret(IOptions<StravaOptions> options, AppSettingRepository settings) : KeptSecret<string>(settings, SettingKey)
{
    public const string PathPrefix = "/strava/webhook/";
    internal const string SettingKey = "strava_webhook_secret";
    public const int MinimumLength = 32;

    protected override string? Configured => options.Value.WebhookSecret is { Length: > 0 } configured ? configured : null;

    protected override string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    protected override string FromStored(string stored) => stored;

    /// <summary>The callback path with the secret, e.g. <c>/strava/webhook/3q2-…</c>.</summary>
    public async Task<string> PathAsync(CancellationToken cancellationToken = default) => PathPrefix + await GetAsync(cancellationToken);

    /// <summary>Whether <paramref name="given"/> (a path segment from a request) is the secret, compared in constant time.</summary>
    public async Task<bool> MatchesAsync(string? given, CancellationToken cancellationToken = default)
    {
        var secret = await GetAsync(cancellationToken);
        return given is not null
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>A configured secret is long enough and safe in a URL path (letters, digits, '-' and '_').</summary>
    public static bool IsValid(string? configured) =>
        string.IsNullOrEmpty(configured) || (configured.Length >= MinimumLength && configured.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
}
