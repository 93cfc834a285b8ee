using System.Security.Cryptography;
using System.Text;
using Bot.Configuration;
using Bot.Data.Repositories;
using Bot.Web;
using Microsoft.Extensions.Options;

namespace Bot.Strava.Linking;

/// <summary>
/// The HMAC key for OAuth states: STATE_SIGNING_KEY when set, else a random key generated on first use and
/// kept in the database (so states survive a restart). Loaded once.
/// </summary>
internal sealed class StateSigningKey(IOptions<WebOptions> options, AppSettingRepository settings) : KeptSecret<byte[]>(settings, SettingKey)
{
    internal const string SettingKey = "oauth_state_signing_key";

    protected override byte[]? Configured => options.Value.StateSigningKey is { Length: > 0 } configured ? Encoding.UTF8.GetBytes(configured) : null;

    protected override string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override byte[] FromStored(string stored) => Convert.FromBase64String(stored);
}
