using Bot.Strava.Webhooks;

namespace Bot.Tests.Support;

internal sealed class RecordingQueueSignal : IWebhookQueueSignal
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Breaks the contract (Notify must not throw), to show the endpoint survives it.</summary>
    public bool Throw { get; set; }

    public void Notify()
    {
        Interlocked.Increment(ref _count);
        if (Throw)
        {
            throw new InvalidOperationException("processor wake-up failed");
        }
    }
}
