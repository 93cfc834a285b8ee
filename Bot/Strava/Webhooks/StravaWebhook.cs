using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Bot.Data.Entities;
using Bot.Data.Repositories;
using Microsoft.Extensions.Options;

namespace Bot.Strava.Webhooks;

/// <summary>
/// <c>/strava/webhook/&lt;secret&gt;</c>: the subscription handshake (GET) and the events (POST). Any other path is a
/// 404 and reads nothing. An event is stored as a queue row only when it could be Strava's and could matter: the
/// body is within the cap and well formed, the subscription id is ours, and the owner is a linked member (for a
/// deauthorization also one whose link broke). Everything else is answered 200 — Strava retries anything else — and
/// stored nowhere, only counted. Strava is never called inside the request, so the answer does not depend on it.
/// </summary>
internal sealed class StravaWebhook(
    WebhookEventRepository queue,
    StravaSubscriptionStore subscriptions,
    MemberRepository members,
    StravaWebhookSecret secret,
    IWebhookQueueSignal signal,
    WebhookMetrics metrics,
    IOptions<StravaOptions> strava,
    ILogger<StravaWebhook> logger)
{
    /// <summary>Strava's events are a few hundred bytes; anything near this is not one.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    /// <summary>Unprocessed events kept at most; beyond this, events are refused (and counted) until the queue drains.</summary>
    public const int MaxPendingEvents = 10_000;

    public async Task<IResult> HandshakeAsync(string? pathSecret, string? mode, string? challenge, string? verifyToken, CancellationToken cancellationToken)
    {
        if (!await secret.MatchesAsync(pathSecret, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (mode != "subscribe" || string.IsNullOrEmpty(challenge))
        {
            WebhookLog.HandshakeRefused(logger, "not a subscribe request with a challenge");
            return TypedResults.Text("expected hub.mode=subscribe with hub.challenge and hub.verify_token\n", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!VerifyTokenMatches(verifyToken))
        {
            WebhookLog.HandshakeRefused(logger, "wrong hub.verify_token");
            return TypedResults.Text("wrong verify token\n", statusCode: StatusCodes.Status403Forbidden);
        }

        WebhookLog.HandshakeAnswered(logger);
        return TypedResults.Json(new Dictionary<string, string> { ["hub.challenge"] = challenge });
    }

    public async Task<IResult> ReceiveAsync(string? pathSecret, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!await secret.MatchesAsync(pathSecret, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (request.ContentLength > MaxBodyBytes || await ReadCappedAsync(request.Body, cancellationToken) is not { } body)
        {
            return Drop(WebhookDropReason.TooLarge, $"the body is larger than {MaxBodyBytes} bytes");
        }

        if (WebhookEventParser.Parse(body, out var problem) is not { } row)
        {
            return Drop(WebhookDropReason.Malformed, problem!);
        }

        if (await subscriptions.GetAsync(cancellationToken) is not { } ours || row.SubscriptionId != ours)
        {
            return Drop(WebhookDropReason.ForeignSubscription, $"subscription {row.SubscriptionId} is not this application's");
        }

        if (await OwnerProblemAsync(row, cancellationToken) is { } ownerProblem)
        {
            return Drop(ownerProblem.Reason, ownerProblem.Text);
        }

        var queued = await queue.EnqueueAsync(row, MaxPendingEvents, cancellationToken);
        if (queued.Outcome == WebhookEnqueueOutcome.QueueFull)
        {
            return Drop(WebhookDropReason.QueueFull, $"{MaxPendingEvents} events are waiting already");
        }

        metrics.Accepted(queued.Outcome);
        WebhookLog.EventQueued(logger, queued.Id, row.ObjectType, row.AspectType, row.OwnerId);
        try
        {
            signal.Notify();
        }
        catch (Exception exception)
        {
            // The row is stored: the processor finds it on its next pass. Answering 500 would only make Strava send it again.
            WebhookLog.SignalFailed(logger, exception);
        }

        return TypedResults.Ok();
    }

    /// <summary>
    /// Why the event's owner makes it not worth storing, or null. Activity events need a working link (nothing else
    /// can be re-checked); a deauthorization also counts for a member whose link broke (their data is still held);
    /// other athlete updates change nothing the bot keeps.
    /// </summary>
    private async Task<(WebhookDropReason Reason, string Text)?> OwnerProblemAsync(WebhookEventInput row, CancellationToken cancellationToken)
    {
        var deauthorization = row.ObjectType == "athlete" && WebhookUpdates.Parse(row.UpdatesJson).IsDeauthorization;
        if (row.ObjectType == "athlete" && !deauthorization)
        {
            return (WebhookDropReason.Irrelevant, "an athlete update other than a deauthorization");
        }

        var member = await members.GetByStravaAthleteIdAsync(row.OwnerId, cancellationToken);
        return member?.LinkState switch
        {
            LinkState.Linked => null,
            LinkState.NeedsRelink when deauthorization => null,
            null => (WebhookDropReason.UnknownOwner, $"athlete {row.OwnerId} is not a member"),
            _ => (WebhookDropReason.NotLinked, $"athlete {row.OwnerId} has no working link"),
        };
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

    private Microsoft.AspNetCore.Http.HttpResults.Ok Drop(WebhookDropReason reason, string problem)
    {
        metrics.Dropped(reason);
        WebhookLog.EventDropped(logger, reason, problem);
        return TypedResults.Ok();
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
