namespace Bot.Discord.Gateway;

/// <summary>
/// The gateway cannot continue and must not be retried (bad token, disallowed intents, ...).
/// Never carries the token.
/// </summary>
public sealed class GatewayFatalException(int? closeCode, string message) : Exception(message)
{
    /// <summary>The gateway close code, or null when the failure came from <c>GET /gateway/bot</c> (401).</summary>
    public int? CloseCode { get; } = closeCode;
}
