using System.Collections.Concurrent;
using Bot.Discord.Commands;

namespace Bot.Tests.Discord.Performance;

/// <summary>
/// Holds the "long" handlers (blocking their thread until released or 10 s) and remembers every
/// context weakly, so a test can prove the client keeps no interaction alive once it is done.
/// </summary>
internal sealed class LongCommandGate : IDisposable
{
    public static readonly TimeSpan LongestBlock = TimeSpan.FromSeconds(10);

    private readonly ManualResetEventSlim _release = new();
    private int _running;
    private int _peak;
    private int _finished;

    public int Running => Volatile.Read(ref _running);

    public int Peak => Volatile.Read(ref _peak);

    public int Finished => Volatile.Read(ref _finished);

    public ConcurrentQueue<WeakReference<InteractionContext>> Contexts { get; } = new();

    public void Block(InteractionContext context)
    {
        Contexts.Enqueue(new WeakReference<InteractionContext>(context));
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _peak, running);
        try
        {
            _release.Wait(LongestBlock);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _finished);
        }
    }

    public void Pass(InteractionContext context)
    {
        Contexts.Enqueue(new WeakReference<InteractionContext>(context));
        Interlocked.Increment(ref _finished);
    }

    public void Release() => _release.Set();

    public void Dispose() => _release.Dispose();

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }
}
