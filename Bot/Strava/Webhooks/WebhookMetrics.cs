using System.Diagnostics.Metrics;
using Bot.Data.Repositories;

namespace Bot.Strava.Webhooks;

/// <summary>
/// The webhook's intake on the bot's meter (<c>ChallengeBot</c>): events stored (new or merged into a waiting row) and
/// events answered but dropped, by reason. A flood of strangers' events shows here, not in the log or the database.
/// </summary>
internal sealed class WebhookMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _dropped;

    public WebhookMetrics(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(Threading.CpuWorkQueue.MeterName) ?? new Meter(Threading.CpuWorkQueue.MeterName);
        _accepted = _meter.CreateCounter<long>("challengebot.webhook.events.accepted", "{event}", "Strava events stored in the queue, as a new row or merged into a waiting one");
        _dropped = _meter.CreateCounter<long>("challengebot.webhook.events.dropped", "{event}", "Events answered 200 but not stored, by reason");
    }

    /// <summary>For listeners that want these instruments only (tests).</summary>
    public Meter Meter => _meter;

    public void Accepted(WebhookEnqueueOutcome outcome) =>
        _accepted.Add(1, new KeyValuePair<string, object?>("outcome", outcome == WebhookEnqueueOutcome.Coalesced ? "coalesced" : "queued"));

    public void Dropped(WebhookDropReason reason) => _dropped.Add(1, new KeyValuePair<string, object?>("reason", Name(reason)));

    public static string Name(WebhookDropReason reason) => reason switch
    {
        WebhookDropReason.TooLarge => "too_large",
        WebhookDropReason.Malformed => "malformed",
        WebhookDropReason.ForeignSubscription => "foreign_subscription",
        WebhookDropReason.UnknownOwner => "unknown_owner",
        WebhookDropReason.NotLinked => "not_linked",
        WebhookDropReason.Irrelevant => "irrelevant",
        _ => "queue_full",
    };

    public void Dispose() => _meter.Dispose();
}
