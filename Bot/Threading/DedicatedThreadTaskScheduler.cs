namespace Bot.Threading;

/// <summary>
/// A <see cref="TaskScheduler"/> with its own background threads (<c>cpu-worker-1..N</c>) and a
/// bounded FIFO queue, so CPU-heavy work never occupies the thread pool that sockets and timers need.
/// </summary>
/// <remarks>
/// A full queue refuses instead of blocking the caller: <see cref="QueueTask"/> throws, so
/// <c>Task.Factory.StartNew</c> throws a <see cref="TaskSchedulerException"/>. <see cref="CpuWorkQueue"/>
/// admits work only when a slot is free, so in the bot that never happens.
/// <see cref="Dispose"/> drains: tasks already queued still run (a scheduler cannot cancel a task,
/// and one left unrun would hang its awaiters forever), new tasks are refused, then the threads exit.
/// </remarks>
internal sealed class DedicatedThreadTaskScheduler : TaskScheduler, IDisposable
{
    private readonly object _gate = new();
    // A linked list so that TryDequeue can take out a task cancelled while it waits.
    private readonly LinkedList<Task> _queue = new();
    private readonly Thread[] _threads;
    private bool _disposed;

    public DedicatedThreadTaskScheduler(int? workerCount = null, int capacity = CpuOptions.DefaultQueueLimit)
    {
        var workers = workerCount ?? CpuOptions.DefaultWorkers;
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1, nameof(workerCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            _threads[i] = new Thread(RunWorker) { IsBackground = true, Name = $"cpu-worker-{i + 1}" };
        }

        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>How many tasks may wait in the queue (not counting the ones running).</summary>
    public int Capacity { get; }

    /// <summary>Tasks waiting for a thread.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Monitor.PulseAll(_gate);
        }

        foreach (var thread in _threads)
        {
            // A task that disposes its own scheduler must not wait for itself.
            if (thread != Thread.CurrentThread)
            {
                thread.Join();
            }
        }
    }

    protected override void QueueTask(Task task)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_queue.Count >= Capacity)
            {
                throw new InvalidOperationException($"The CPU work queue is full ({Capacity} tasks waiting).");
            }

            _queue.AddLast(task);
            Monitor.Pulse(_gate);
        }
    }

    protected override bool TryDequeue(Task task)
    {
        lock (_gate)
        {
            return _queue.Remove(task);
        }
    }

    // Inlining onto a foreign thread (a pool thread calling Wait) would run CPU work on the pool.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
    {
        if (!IsWorkerThread(Thread.CurrentThread))
        {
            return false;
        }

        return (!taskWasPreviouslyQueued || TryDequeue(task)) && TryExecuteTask(task);
    }

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_gate)
        {
            return [.. _queue];
        }
    }

    private bool IsWorkerThread(Thread thread) => Array.IndexOf(_threads, thread) >= 0;

    private void RunWorker()
    {
        while (true)
        {
            Task task;
            lock (_gate)
            {
                while (_queue.First is null)
                {
                    if (_disposed)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }

                task = _queue.First.Value;
                _queue.RemoveFirst();
            }

            // Exceptions end up in the task, not here.
            TryExecuteTask(task);
        }
    }
}
