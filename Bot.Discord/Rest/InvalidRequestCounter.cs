namespace Bot.Discord.Rest;

/// <summary>Counts 401/403/429 answers in a sliding window (Discord's 10,000 per 10 minutes ban rule).</summary>
internal sealed class InvalidRequestCounter(RestSettings settings, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Queue<long> _seen = new();

    public int CountInWindow
    {
        get
        {
            lock (_lock)
            {
                Trim();
                return _seen.Count;
            }
        }
    }

    public bool IsExhausted => CountInWindow >= settings.InvalidRequestBudget;

    public void Add()
    {
        lock (_lock)
        {
            Trim();
            _seen.Enqueue(time.GetTimestamp());
        }
    }

    private void Trim()
    {
        while (_seen.Count > 0 && time.GetElapsedTime(_seen.Peek()) > settings.InvalidRequestWindow)
        {
            _seen.Dequeue();
        }
    }
}
