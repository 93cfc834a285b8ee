using System.Collections.Concurrent;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// Sends automatic defers from dedicated threads with blocking HTTP, so a thread pool saturated by
/// blocking work cannot push an acknowledgement past Discord's 3-second deadline. Each thread owns a
/// <see cref="BlockingHttpConnection"/>: sending, and opening a new connection when Discord closed the
/// old one, happen on that thread with blocking calls and never wait for a pool thread. The
/// connection is opened at start and kept warm when idle, so a defer rarely pays for a handshake.
/// </summary>
internal sealed class AckSender(DiscordRestClient rest, InteractionSettings settings, TimeProvider time, ILogger<AckSender> logger) : IDisposable
{
    public const int MaxThreads = 4;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly BlockingCollection<(InteractionResponder Responder, bool Ephemeral)> _jobs = new(new ConcurrentQueue<(InteractionResponder, bool)>());
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Thread> _threads = [];
    private readonly List<BlockingHttpConnection> _connections = [];

    public void Start()
    {
        for (var i = 0; i < Math.Clamp(settings.AckThreads, 1, MaxThreads); i++)
        {
            var connection = rest.Blocking.CreateConnection();
            _connections.Add(connection);
            var thread = new Thread(() => Run(connection)) { IsBackground = true, Name = $"discord-ack-{i}" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    public void Enqueue(InteractionResponder responder, bool ephemeral)
    {
        try
        {
            _jobs.Add((responder, ephemeral));
        }
        catch (InvalidOperationException)
        {
            responder.CancelAutoAck(DiscordResult.Local(DiscordResultKind.ClientStopped, "shutting down"));
        }
    }

    public void Stop(TimeSpan timeout)
    {
        _jobs.CompleteAdding();
        _stopping.Cancel();
        foreach (var thread in _threads)
        {
            thread.Join(timeout);
        }

        while (_jobs.TryTake(out var left))
        {
            left.Responder.CancelAutoAck(DiscordResult.Local(DiscordResultKind.ClientStopped, "shutting down"));
        }
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _jobs.Dispose();
        _stopping.Dispose();
    }

    private void Run(BlockingHttpConnection connection)
    {
        rest.Blocking.WarmUp(connection);
        var lastUsed = time.GetTimestamp();
        try
        {
            while (!_jobs.IsCompleted)
            {
                if (!_jobs.TryTake(out var job, Poll))
                {
                    if (time.GetElapsedTime(lastUsed) >= settings.AckKeepAlive)
                    {
                        rest.Blocking.WarmUp(connection);
                        lastUsed = time.GetTimestamp();
                    }

                    continue;
                }

                try
                {
                    job.Responder.AutoDefer(job.Ephemeral, connection);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    InteractionLog.AckFailed(logger, e, job.Responder.Interaction.Id);
                    job.Responder.CancelAutoAck(DiscordResult.Local(DiscordResultKind.Network, e.GetType().Name));
                }

                lastUsed = time.GetTimestamp();
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
