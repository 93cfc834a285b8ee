using System.Collections.Concurrent;

namespace Bot.Threading;

/// <summary>
/// Single flight: concurrent requests with the same key (e.g. challenge, season, as-of, data version)
/// share one in-flight computation. Nothing is cached past the flight: once its task completes the
/// key is forgotten, so a failure or a "busy" is seen by that flight's waiters only.
/// </summary>
/// <remarks>
/// The first caller's <c>start</c> runs the flight, with whatever cancellation token it captured;
/// pass one that is not tied to a single requester, or one cancelled requester cancels them all.
/// </remarks>
public sealed class SingleFlight<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>?>> _flights = new();

    /// <summary>Keys with a computation in flight.</summary>
    public int InFlightCount => _flights.Count;

    /// <summary>
    /// Joins the flight for <paramref name="key"/>, or starts one with <paramref name="start"/>.
    /// Null when <paramref name="start"/> returned null (the CPU queue is full).
    /// </summary>
    public Task<TValue>? GetOrStartAsync(TKey key, Func<Task<TValue>?> start)
    {
        Lazy<Task<TValue>?>? flight = null;
        // ExecutionAndPublication: start runs once; an exception it throws reaches every waiter.
        flight = new Lazy<Task<TValue>?>(() => StartAsync(key, flight!, start), LazyThreadSafetyMode.ExecutionAndPublication);
        while (true)
        {
            var shared = _flights.GetOrAdd(key, flight);
            var task = shared.Value;
            if (shared == flight || task is null || !task.IsCompleted)
            {
                return task;
            }

            // A finished flight whose removal has not run yet: never hand out a stale result.
            Forget(key, shared);
        }
    }

    private Task<TValue>? StartAsync(TKey key, Lazy<Task<TValue>?> flight, Func<Task<TValue>?> start)
    {
        Task<TValue>? task;
        try
        {
            task = start();
        }
        catch
        {
            Forget(key, flight);
            throw;
        }

        if (task is null || task.IsCompleted)
        {
            Forget(key, flight);
        }
        else
        {
            _ = task.ContinueWith(
                static (_, state) =>
                {
                    var (self, key, flight) = ((SingleFlight<TKey, TValue>, TKey, Lazy<Task<TValue>?>))state!;
                    self.Forget(key, flight);
                },
                (this, key, flight),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return task;
    }

    // Removes only this flight: a newer one under the same key stays.
    private void Forget(TKey key, Lazy<Task<TValue>?> flight) => _flights.TryRemove(KeyValuePair.Create(key, flight));
}
