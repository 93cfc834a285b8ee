namespace Bot.Tests.Threading;

/// <summary>CPU work that blocks until released, counting how many run at once.</summary>
internal sealed class WorkGate : IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private int _running;
    private int _maxRunning;
    private int _started;

    public int Running => Volatile.Read(ref _running);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public int Started => Volatile.Read(ref _started);

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(10);

    public T Block<T>(T result)
    {
        var running = Interlocked.Increment(ref _running);
        Interlocked.Increment(ref _started);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }

        try
        {
            if (!_release.Wait(Timeout))
            {
                throw new TimeoutException("the test never released the work");
            }

            return result;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public bool WaitUntilRunning(int count) => SpinWait.SpinUntil(() => Running >= count, Timeout);

    public void Release() => _release.Set();

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
    }
}
