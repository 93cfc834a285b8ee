namespace Bot.Strava.Webhooks;

/// <summary>
/// Wakes the processor of queued <c>WebhookEvent</c> rows after the webhook endpoint stored one. Must return at
/// once and never throw: the endpoint calls it inside the request Strava waits on.
/// </summary>
public interface IWebhookQueueSignal
{
    void Notify();
}
