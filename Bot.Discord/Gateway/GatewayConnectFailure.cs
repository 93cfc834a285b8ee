using System.Net.Sockets;

namespace Bot.Discord.Gateway;

/// <summary>Why a connection attempt failed, in words an operator reads in one log line.</summary>
internal static class GatewayConnectFailure
{
    /// <summary>
    /// The most telling message in the chain: a WebSocketException only says "Unable to connect to the remote
    /// server"; the HttpRequestException or SocketException inside it names the refusal and the address.
    /// </summary>
    public static string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException)
            {
                return e.Message;
            }
        }

        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message;
    }
}
