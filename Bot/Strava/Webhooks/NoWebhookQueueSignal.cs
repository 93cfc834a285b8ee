
namespace Bot.Strava.Webhooks;

/// <summary>The default until a processor registers its own signal: the rows stay queued in the database.</summary>
internal sealed class NoWebhookQueueSignal : IWebhookQueueSignal
{
    public void Notify()
    {
    }
}
