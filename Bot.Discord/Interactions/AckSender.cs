using System.Collections.Concurrent;
using System.Globalization;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// Sends automatic defers from dedicated threads with blocking HTTP, so a thread pool saturated by
/// blocking work cannot push an acknowledgement past Discord's 3-second deadline. Blocking sends on
/// an open connection use no pool thread (measured by check 30); opening a connection does, so each
/// thread has its own HttpClient whose connection it opens at start and keeps warm when idle.
/// </summary>
internal sealed class AckSender(DiscordRestClient rest, IHttpClientFactory httpClientFactory, InteractionSettings settings, TimeProvider time, ILogger<AckSender> logger) : IDisposable
{
    public const int MaxThreads = 4;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly BlockingCollection<(InteractionResponder Responder, bool Ephemeral)> _jobs = new(new ConcurrentQueue<(InteractionResponder, bool)>());
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Thread> _threads = [];

    public static string ClientName(int index) => "Bot.Discord.Ack" + index.ToString(CultureInfo.InvariantCulture);

    public void Start()
    {
        for (var i = 0; i < Math.Clamp(settings.AckThreads, 1, MaxThreads); i++)
        {
            var client = httpClientFactory.CreateClient(ClientName(i));
            var thread = new Thread(() => Run(client)) { IsBackground = true, Name = $"discord-ack-{i}" };
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
        _jobs.Dispose();
        _stopping.Dispose();
    }

    private void Run(HttpClient client)
    {
        rest.WarmUp(client, _stopping.Token);
        var lastUsed = time.GetTimestamp();
        try
        {
            while (!_jobs.IsCompleted)
            {
                if (!_jobs.TryTake(out var job, Poll))
                {
                    if (time.GetElapsedTime(lastUsed) >= settings.AckKeepAlive)
                    {
                        rest.WarmUp(client, _stopping.Token);
                        lastUsed = time.GetTimestamp();
                    }

                    continue;
                }

                try
                {
                    job.Responder.AutoDefer(job.Ephemeral, client);
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
