namespace Bot.Discord.Gateway;

/// <summary>
/// One connection and everything bound to it: its send lock and limiter, its heartbeat state and
/// its cancellation. A heartbeat thread holds only its own link, so it can never write to a newer
/// socket; once ended, a link sends nothing more.
/// </summary>
internal sealed class GatewayLink : IDisposable
{
    private static readonly TimeSpan ShutdownDrain = TimeSpan.FromSeconds(2);

    private readonly Lock _sendLock = new();
    private readonly CancellationTokenSource _ended = new();
    private readonly CancellationTokenSource _aborted = new();
    private readonly GatewayClock _clock;
    private int _endReason = -1;
    private bool _closed;
    private int _beatRequested;
    private int _awaitingAck;
    private long _lastHeartbeatSent;
    private ITimer? _drainTimer;

    public GatewayLink(IGatewayConnection connection, GatewayClock clock, int generation)
    {
        Connection = connection;
        _clock = clock;
        Generation = generation;
        Limiter = new GatewaySendLimiter(clock.TimeProvider);
    }

    public IGatewayConnection Connection { get; }

    public GatewaySendLimiter Limiter { get; }

    public int Generation { get; }

    public ManualResetEventSlim Wake { get; } = new();

    public CancellationToken Token => _ended.Token;

    /// <summary>Cancelled when the connection is torn down: a blocked receive or send gives up.</summary>
    public CancellationToken Aborted => _aborted.Token;

    public GatewayEndReason? EndReason => Volatile.Read(ref _endReason) is var r and >= 0 ? (GatewayEndReason)r : null;

    public bool AwaitingAck => Volatile.Read(ref _awaitingAck) == 1;

    public bool HeartbeatStarted { get; set; }

    public GatewaySendStatus TrySend(byte[] payload, bool heartbeat, out TimeSpan retryAfter)
    {
        if (payload.Length > GatewayPayloads.MaxPayloadBytes)
        {
            throw new GatewayPayloadTooLargeException(payload.Length);
        }

        lock (_sendLock)
        {
            retryAfter = TimeSpan.Zero;
            if (_closed)
            {
                return GatewaySendStatus.Closed;
            }

            if (!Limiter.TryAcquire(heartbeat, out retryAfter))
            {
                return GatewaySendStatus.RateLimited;
            }

            if (heartbeat)
            {
                // Before the send: an ACK may come back before Send returns.
                Volatile.Write(ref _lastHeartbeatSent, _clock.Now);
                Volatile.Write(ref _awaitingAck, 1);
            }

            try
            {
                Connection.Send(payload, Aborted);
                return GatewaySendStatus.Sent;
            }
            catch (Exception e) when (e is IOException or System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
            {
                _closed = true;
                return GatewaySendStatus.Closed;
            }
        }
    }

    /// <summary>Records an op 11; returns the time since the heartbeat it answers, if one was outstanding.</summary>
    public TimeSpan? Ack(long receivedTimestamp)
    {
        if (Interlocked.Exchange(ref _awaitingAck, 0) == 0)
        {
            return null;
        }

        return _clock.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastHeartbeatSent), receivedTimestamp);
    }

    /// <summary>Server op 1: beat now.</summary>
    public void RequestBeat()
    {
        Volatile.Write(ref _beatRequested, 1);
        Wake.Set();
    }

    public bool TakeBeatRequest() => Interlocked.Exchange(ref _beatRequested, 0) == 1;

    /// <summary>Ends the link once: stops its heartbeat, sends a close frame and (unless shutting down) aborts.</summary>
    public bool End(GatewayEndReason reason, int closeCode)
    {
        if (Interlocked.CompareExchange(ref _endReason, (int)reason, -1) != -1)
        {
            return false;
        }

        _ended.Cancel();
        Wake.Set();
        lock (_sendLock)
        {
            _closed = true;
            Connection.Close(closeCode, "");
        }

        if (reason == GatewayEndReason.Shutdown)
        {
            // Let the read loop take the server's close echo, but not for ever.
            _drainTimer = _clock.TimeProvider.CreateTimer(static l => ((GatewayLink)l!).Abort(), this, ShutdownDrain, Timeout.InfiniteTimeSpan);
        }
        else
        {
            Abort();
        }

        return true;
    }

    public void Dispose()
    {
        _drainTimer?.Dispose();
        Connection.Dispose();
        // Wake and _aborted are left to the GC: a heartbeat thread or the drain timer's callback may still touch them.
        _ended.Dispose();
    }

    private void Abort()
    {
        _aborted.Cancel();
        Connection.Abort();
    }
}
