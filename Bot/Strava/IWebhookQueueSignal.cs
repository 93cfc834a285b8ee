namespace Bot.Strava;

/// <summary>The webhook endpoint calls <see cref="Notify"/> after inserting an event, so the queue processor starts on it at once.</summary>
public interface IWebhookQueueSignal
{
    void Notify();
}
