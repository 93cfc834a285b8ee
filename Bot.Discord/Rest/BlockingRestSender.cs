using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Rest;

/// <summary>
/// The REST client's blocking path, for the dedicated acknowledgement threads: each thread owns a
/// <see cref="BlockingHttpConnection"/> and sends interaction callbacks on it with blocking calls, so the 3-second
/// deadline holds while the thread pool is saturated (no pool thread involved at any step). The answers are read
/// with the same rules as the async path (<see cref="DiscordRestClient.Interpret"/>).
/// </summary>
internal sealed class BlockingRestSender(DiscordRestClient rest, DiscordClientOptions options, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan ConnectionTimeout = TimeSpan.FromSeconds(10);

    private readonly string _basePath = options.ApiBaseUrl.AbsolutePath.TrimEnd('/');

    /// <summary>A connection of its own for a dedicated thread.</summary>
    public BlockingHttpConnection CreateConnection() =>
        new(options.ApiBaseUrl, RestRequestBuilder.UserAgent(options), ConnectionTimeout);

    public RestResponse Send(RestRoute route, byte[]? body, BlockingHttpConnection connection, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (rest.Refuse(route) is { } refused)
            {
                return refused;
            }

            BlockingHttpResponse answer;
            try
            {
                var authorization = route.Kind == RestRouteKind.Bot ? "Bot " + options.Token : null;
                answer = connection.Send(route.Method, _basePath + route.Path, body, authorization);
            }
            catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
            {
                RestLog.NetworkError(logger, route, e.GetType().Name);
                return new RestResponse(DiscordResult.Local(DiscordResultKind.Network, e.GetType().Name));
            }

            using var response = answer.ToMessage();
            var outcome = rest.Interpret(route, response, answer.Content, bucket: null, attempt);
            if (outcome.Final is { } final)
            {
                return final;
            }

            // Blocking on a timer task is fine here: this runs on a dedicated thread.
            Task.Delay(outcome.RetryAfter + DiscordRestClient.RetryMargin, time, cancellationToken).GetAwaiter().GetResult();
        }
    }

    /// <summary>Opens (or keeps warm) a dedicated thread's connection with a GET of /gateway, which needs no token.</summary>
    public void WarmUp(BlockingHttpConnection connection)
    {
        if (rest.IsStopped)
        {
            return;
        }

        try
        {
            connection.Send(HttpMethod.Get, _basePath + "/gateway", body: null, authorization: null);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
        {
            RestLog.NetworkError(logger, DiscordRoutes.Bot(HttpMethod.Get, "/gateway", "/gateway", ""), e.GetType().Name);
        }
    }
}
