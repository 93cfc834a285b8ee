using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// What the gateway thread does with each frame it reads: HELLO starts the heartbeat and opens the session, ACKs and
/// server heartbeat requests go to the link, RECONNECT and INVALID_SESSION end it, and each dispatch (after READY and
/// RESUMED have updated the session) goes to every <see cref="IGatewayEventSink"/> without waiting on any of them.
/// </summary>
internal sealed class GatewayFrameHandler(
    GatewaySession session,
    IGatewayEventSink[] sinks,
    DiscordApplication application,
    GatewayClock clock,
    Random random,
    GatewayWatchdog watchdog,
    ILogger logger)
{
    private readonly HashSet<int> _unknownOpcodesLogged = [];
    private int _liveGeneration = -1;
    private long _lastAckAt;

    /// <summary>The generation of the link whose session was last established (READY or RESUMED).</summary>
    public int LiveGeneration => Volatile.Read(ref _liveGeneration);

    /// <summary>How long ago Discord last acknowledged a heartbeat; null before the first ACK.</summary>
    public TimeSpan? HeartbeatAckAge => Volatile.Read(ref _lastAckAt) is var at and not 0 ? clock.Since(at) : null;

    /// <param name="sessionStartedAt">Set when the session on this link is established (READY or RESUMED).</param>
    public void Handle(GatewayLink link, GatewayFrame frame, long receivedAt, bool resume, ref long? sessionStartedAt)
    {
        switch (frame.Opcode)
        {
            case GatewayOpcode.Dispatch:
                HandleDispatch(link, frame, receivedAt, ref sessionStartedAt);
                break;
            case GatewayOpcode.Hello:
                HandleHello(link, frame, receivedAt, resume);
                break;
            case GatewayOpcode.HeartbeatAck:
                if (link.Ack(receivedAt) is TimeSpan latency)
                {
                    Volatile.Write(ref _lastAckAt, receivedAt);
                    watchdog.AckReceived(latency);
                }

                break;
            case GatewayOpcode.Heartbeat:
                link.RequestBeat();
                break;
            case GatewayOpcode.Reconnect:
                GatewayLog.ServerReconnect(logger);
                link.End(GatewayEndReason.Reconnect, GatewayCloseCodes.ResumableClose);
                break;
            case GatewayOpcode.InvalidSession:
                var resumable = frame.Data.ValueKind == JsonValueKind.True;
                GatewayLog.InvalidSession(logger, resumable);
                link.End(resumable ? GatewayEndReason.InvalidSessionResumable : GatewayEndReason.InvalidSessionNew, GatewayCloseCodes.ResumableClose);
                break;
            default:
                if (_unknownOpcodesLogged.Add(frame.Opcode))
                {
                    GatewayLog.UnknownOpcode(logger, frame.Opcode);
                }

                break;
        }
    }

    private void HandleHello(GatewayLink link, GatewayFrame frame, long receivedAt, bool resume)
    {
        if (link.HeartbeatStarted)
        {
            return;
        }

        var interval = TimeSpan.FromMilliseconds(frame.Data.GetProperty("heartbeat_interval").GetDouble());
        if (interval <= TimeSpan.Zero)
        {
            throw new FormatException("heartbeat_interval must be positive.");
        }

        link.HeartbeatStarted = true;
        link.Limiter.ReserveFor(interval);
        var firstDue = clock.After(receivedAt, interval * random.NextDouble());
        new GatewayHeartbeat(link, clock, interval, firstDue, () => session.LastSequence, watchdog, logger).Start();
        session.Open(link, resume);
    }

    private void HandleDispatch(GatewayLink link, GatewayFrame frame, long receivedAt, ref long? sessionStartedAt)
    {
        if (frame.Sequence is long sequence && !session.TryAdvance(sequence))
        {
            return;
        }

        var name = frame.EventName ?? "";
        switch (name)
        {
            case "READY":
                var data = frame.Data;
                session.Established(data.GetProperty("session_id").GetString()!, new Uri(data.GetProperty("resume_gateway_url").GetString()!));
                var user = data.GetProperty("user");
                var ready = new GatewayReady(
                    ulong.Parse(data.GetProperty("application").GetProperty("id").GetString()!, CultureInfo.InvariantCulture),
                    ulong.Parse(user.GetProperty("id").GetString()!, CultureInfo.InvariantCulture),
                    user.TryGetProperty("username", out var userName) ? userName.GetString() ?? "" : "");
                sessionStartedAt = receivedAt;
                Volatile.Write(ref _liveGeneration, link.Generation);
                GatewayLog.Ready(logger, ready.ApplicationId);
                application.SetReady(ready);
                break;
            case "RESUMED":
                sessionStartedAt = receivedAt;
                Volatile.Write(ref _liveGeneration, link.Generation);
                GatewayLog.Resumed(logger);
                break;
            case GatewayRateLimited.EventName:
                if (GatewayRateLimited.TryParse(frame.Data, out var limited))
                {
                    GatewayLog.RateLimited(logger, limited!.Opcode, limited.RetryAfter.TotalSeconds);
                }

                break;
        }

        Deliver(new GatewayDispatch(name, frame.Sequence ?? 0, frame.Data, receivedAt));
    }

    private void Deliver(GatewayDispatch dispatch)
    {
        foreach (var sink in sinks)
        {
            try
            {
                sink.Post(dispatch);
            }
            catch (Exception e)
            {
                GatewayLog.SinkFailed(logger, sink.GetType().Name, e);
            }
        }
    }
}
