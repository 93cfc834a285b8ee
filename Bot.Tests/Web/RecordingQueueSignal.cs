using Bot.Strava;

namespace Bot.Tests.Web;

internal sealed class RecordingQueueSignal : IWebhookQueueSignal
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Notify() => Interlocked.Increment(ref _count);
}
