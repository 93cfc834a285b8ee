using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bot.Web;

/// <summary>
/// Who may read the management surface (/api/*, /metrics and the detailed /healthz): a client on this machine, or a
/// request with <c>Authorization: Bearer MANAGEMENT_TOKEN</c>. A request relayed by a reverse proxy (it carries
/// <c>Forwarded</c> or <c>X-Forwarded-For</c>) is not local even though the proxy connects from loopback: it may
/// come from anywhere.
/// </summary>
internal sealed class ManagementAccess(IOptions<WebOptions> options)
{
    private const string BearerPrefix = "Bearer ";

    // Hashes compared, so the comparison takes the same time whatever the length of what was sent.
    private readonly byte[]? _tokenHash = options.Value.ManagementToken is { Length: > 0 } token ? SHA256.HashData(Encoding.UTF8.GetBytes(token)) : null;

    public bool Allows(HttpContext context) => IsLocal(context) || HasToken(context.Request);

    private static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
        && !context.Request.Headers.ContainsKey("Forwarded")
        && !context.Request.Headers.ContainsKey("X-Forwarded-For");

    private bool HasToken(HttpRequest request)
    {
        if (_tokenHash is null || request.Headers.Authorization is not [{ } header] || !header.StartsWith(BearerPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(header[BearerPrefix.Length..]));
        return CryptographicOperations.FixedTimeEquals(sent, _tokenHash);
    }
}
