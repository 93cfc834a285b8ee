using System.Security.Cryptography;
using System.Text;
using Bot.Data.Repositories;
using Microsoft.Extensions.Options;

namespace Bot.Web;

/// <summary>
/// The HMAC key for OAuth states: STATE_SIGNING_KEY when set, else a random key generated on first use and
/// kept in the database (so states survive a restart). Loaded once.
/// </summary>
internal sealed class StateSigningKey(IOptions<WebOptions> options, AppSettingRepository settings)
{
    internal const string SettingKey = "oauth_state_signing_key";
    private byte[]? _key;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _key) is { } known)
        {
            return known;
        }

        var loaded = options.Value.StateSigningKey is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : Convert.FromBase64String(await settings.GetOrAddAsync(SettingKey, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken));
        return Interlocked.CompareExchange(ref _key, loaded, null) ?? loaded;
    }
}
