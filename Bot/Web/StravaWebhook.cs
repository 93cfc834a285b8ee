using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Bot.Data.Repositories;
using Bot.Strava;
using Microsoft.Extensions.Options;

namespace Bot.Web;

/// <summary>
/// <c>/strava/webhook</c>: the subscription handshake (GET) and the events (POST). An event is checked,
/// stored as a queue row and answered at once; Strava is never called inside the request, so the
/// answer does not depend on Strava (which retries anything not answered within 2 s).
/// </summary>
internal sealed class StravaWebhook(WebhookEventRepository queue, IWebhookQueueSignal signal, IOptions<StravaOptions> strava, ILogger<StravaWebhook> logger)
{
    /// <summary>Strava's events are a few hundred bytes; anything near this is not one.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    public IResult Handshake(string? mode, string? challenge, string? verifyToken)
    {
        if (mode != "subscribe" || string.IsNullOrEmpty(challenge))
        {
            WebLog.HandshakeRefused(logger, "not a subscribe request with a challenge");
            return TypedResults.Text("expected hub.mode=subscribe with hub.challenge and hub.verify_token\n", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!VerifyTokenMatches(verifyToken))
        {
            WebLog.HandshakeRefused(logger, "wrong hub.verify_token");
            return TypedResults.Text("wrong verify token\n", statusCode: StatusCodes.Status403Forbidden);
        }

        WebLog.HandshakeAnswered(logger);
        return TypedResults.Json(new Dictionary<string, string> { ["hub.challenge"] = challenge });
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Refuse($"the body is larger than {MaxBodyBytes} bytes");
        }

        var body = await ReadCappedAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return Refuse($"the body is larger than {MaxBodyBytes} bytes");
        }

        var row = WebhookEventParser.Parse(body, out var problem);
        if (row is null)
        {
            return Refuse(problem!);
        }

        var id = await queue.EnqueueAsync(row, cancellationToken);
        WebLog.EventQueued(logger, id, row.ObjectType, row.AspectType, row.OwnerId);
        try
        {
            signal.Notify();
        }
        catch (Exception exception)
        {
            // The row is stored: the processor finds it on its next pass. Answering 500 would only make Strava send it again.
            WebLog.SignalFailed(logger, exception);
        }

        return TypedResults.Ok();
    }

    private bool VerifyTokenMatches(string? given)
    {
        var expected = strava.Value.WebhookVerifyToken;
        if (string.IsNullOrEmpty(expected) || given is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    private Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Refuse(string problem)
    {
        WebLog.EventRefused(logger, problem);
        return TypedResults.Text($"invalid event: {problem}\n", statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBodyBytes"/> (whatever Content-Length said).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(total, MaxBodyBytes + 1 - total), cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxBodyBytes)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
