using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// The heartbeat of one link, on its own thread with kernel-timed waits: independent of handlers,
/// of the read loop and of the thread pool. First beat at the jittered due time, then every interval;
/// an unanswered beat when the next is due makes the link a zombie.
/// </summary>
internal sealed class GatewayHeartbeat(GatewayLink link, GatewayClock clock, TimeSpan interval, long firstDue, Func<long> lastSequence, GatewayWatchdog watchdog, ILogger logger)
{
    public void Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = $"discord-heartbeat-{link.Generation}" };
        thread.Start();
    }

    private void Run()
    {
        var next = firstDue;
        var token = link.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                link.Wake.Reset();
                if (link.TakeBeatRequest())
                {
                    Beat(clock.Now);
                    continue;
                }

                var now = clock.Now;
                if (now >= next)
                {
                    if (link.AwaitingAck)
                    {
                        GatewayLog.Zombie(logger);
                        link.End(GatewayEndReason.Zombie, GatewayCloseCodes.ResumableClose);
                        return;
                    }

                    Beat(next);
                    next = clock.After(next, interval);
                    if (next <= clock.Now)
                    {
                        // Fell a whole interval behind: keep the spacing rather than burst.
                        next = clock.After(clock.Now, interval);
                    }

                    continue;
                }

                clock.WaitUntil(next, link.Wake, token);
            }
        }
        catch (ObjectDisposedException)
        {
            // The link was disposed after it ended.
        }
    }

    private void Beat(long due)
    {
        var status = link.TrySend(GatewayPayloads.Heartbeat(lastSequence()), heartbeat: true, out _);
        if (status == GatewaySendStatus.Sent)
        {
            watchdog.HeartbeatSent(clock.Since(due));
        }
        else if (status == GatewaySendStatus.RateLimited)
        {
            GatewayLog.HeartbeatSkipped(logger);
        }
    }
}
