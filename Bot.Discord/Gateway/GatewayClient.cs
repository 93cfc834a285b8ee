using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>
/// The Discord gateway for one shard. <see cref="RunAsync"/> runs it on a dedicated thread until
/// cancelled (then closes with 1000) or until a fatal close code (<see cref="GatewayFatalException"/>).
/// Here: the reconnect policy (resume or identify, backoff, fatal close codes) and the read loop of each
/// connection. The session (gateway URL, session-start budget, IDENTIFY/RESUME, sequence) is
/// <see cref="GatewaySession"/>; what each frame does, dispatches to the sinks included, is <see cref="GatewayFrameHandler"/>.
/// </summary>
public sealed class GatewayClient
{
    internal const string HttpClientName = "discord-gateway";

    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    private readonly IGatewayTransport _transport;
    private readonly DiscordApplication _application;
    private readonly GatewayClock _clock;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly GatewaySession _session;
    private readonly GatewayFrameHandler _frames;
    private GatewayLink? _link;
    private int _generation;

    internal GatewayClient(
        IOptions<DiscordClientOptions> options,
        IHttpClientFactory httpClientFactory,
        IGatewayTransport transport,
        IEnumerable<IGatewayEventSink> sinks,
        DiscordApplication application,
        TimeProvider timeProvider,
        ILogger<GatewayClient> logger,
        Random random,
        DiscordMetrics? metrics = null)
    {
        _transport = transport;
        _application = application;
        _clock = new GatewayClock(timeProvider);
        _logger = logger;
        _random = random;
        _session = new GatewaySession(options.Value, httpClientFactory, _clock, logger);
        var watchdog = new GatewayWatchdog(logger, options.Value.HeartbeatWarningThreshold, metrics);
        _frames = new GatewayFrameHandler(_session, [.. sinks], application, _clock, random, watchdog, logger);
    }

    /// <summary>Completes with the first READY (the application id lives there).</summary>
    public Task<GatewayReady> Ready => _application.Ready;

    /// <summary>How long ago Discord last acknowledged a heartbeat; null before the first ACK.</summary>
    public TimeSpan? HeartbeatAckAge => _frames.HeartbeatAckAge;

    /// <summary>True while a connection is open and its session is established (READY or RESUMED seen on it).</summary>
    public bool IsConnected => Volatile.Read(ref _link) is { EndReason: null } link && link.Generation == _frames.LiveGeneration;

    internal string? SessionId => _session.SessionId;

    internal Uri? ResumeUrl => _session.ResumeUrl;

    internal long LastSequence => _session.LastSequence;

    /// <summary>Runs the gateway until <paramref name="cancellationToken"/> is cancelled (clean close 1000) or a fatal close.</summary>
    public Task RunAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(cancellationToken);
                done.TrySetResult();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                done.TrySetResult();
            }
            catch (Exception e)
            {
                _application.Fail(e);
                done.TrySetException(e);
            }
        })
        { IsBackground = true, Name = "discord-gateway" };
        thread.Start();
        return done.Task;
    }

    /// <summary>Sends a payload (e.g. op 3 presence) within the connection's send budget; waits for a slot.</summary>
    internal async Task SendAsync(int opcode, JsonElement data, CancellationToken cancellationToken = default)
    {
        var payload = GatewayPayloads.Generic(opcode, data);
        if (payload.Length > GatewayPayloads.MaxPayloadBytes)
        {
            throw new GatewayPayloadTooLargeException(payload.Length);
        }

        while (true)
        {
            var link = Volatile.Read(ref _link) ?? throw new InvalidOperationException("The gateway is not connected.");
            switch (link.TrySend(payload, heartbeat: false, out var retryAfter))
            {
                case GatewaySendStatus.Sent:
                    return;
                case GatewaySendStatus.Closed:
                    throw new InvalidOperationException("The gateway connection closed before the payload was sent.");
                default:
                    await Task.Delay(retryAfter, _clock.TimeProvider, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private void Run(CancellationToken cancellationToken)
    {
        var backoff = new GatewayBackoff(_random);
        var resume = false;
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var extraDelay = TimeSpan.Zero;
            Uri target;
            if (resume && _session.CanResume)
            {
                target = _session.ResumeUrl!;
            }
            else
            {
                resume = false;
                if (_session.TryPrepareIdentify(cancellationToken, out target) is { } notPrepared)
                {
                    RetryAfterConnectFailure(notPrepared, backoff, cancellationToken);
                    failing = true;
                    continue;
                }
            }

            // While attempts keep failing, each says so in one line; "Connecting" is said once.
            var (reason, closeCode, stable, failure) = RunConnection(target, resume, announce: !failing, cancellationToken);
            if (reason == GatewayEndReason.Shutdown || cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (failure is not null)
            {
                RetryAfterConnectFailure(failure, backoff, cancellationToken);
                failing = true;
                continue;
            }

            failing = false;
            if (stable)
            {
                backoff.Reset();
            }

            GatewayLog.ConnectionEnded(_logger, reason, closeCode, GatewayCloseCodes.Describe(closeCode));
            switch (reason)
            {
                case GatewayEndReason.Closed:
                    var action = GatewayCloseCodes.Classify(closeCode);
                    if (action == GatewayCloseAction.Fatal)
                    {
                        var meaning = GatewayCloseCodes.Describe(closeCode);
                        GatewayLog.FatalClose(_logger, closeCode!.Value, meaning);
                        throw new GatewayFatalException(closeCode, $"Discord closed the gateway with {closeCode} ({meaning}).");
                    }

                    resume = action == GatewayCloseAction.Resume;
                    break;
                case GatewayEndReason.InvalidSessionNew:
                    resume = false;
                    extraDelay = TimeSpan.FromMilliseconds(1000 + (4000 * _random.NextDouble()));
                    break;
                default:
                    resume = true;
                    break;
            }

            if (!resume)
            {
                _session.Clear();
            }

            SleepBeforeReconnect(backoff.NextDelay() + extraDelay, backoff, cancellationToken);
        }
    }

    /// <summary>One warning line for the failed attempt (its reason, never a stack trace), then the backoff sleep.</summary>
    private void RetryAfterConnectFailure(string reason, GatewayBackoff backoff, CancellationToken cancellationToken)
    {
        var delay = backoff.NextDelay();
        GatewayLog.ConnectFailed(_logger, backoff.Attempt, delay.TotalSeconds, reason);
        if (delay > TimeSpan.Zero)
        {
            _clock.Sleep(delay, cancellationToken);
        }
    }

    private void SleepBeforeReconnect(TimeSpan delay, GatewayBackoff backoff, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            GatewayLog.ReconnectDelay(_logger, delay.TotalMilliseconds, backoff.Attempt);
            _clock.Sleep(delay, cancellationToken);
        }
    }

    /// <summary>One connection from connect to close; Failure is the reason when it could not connect at all.</summary>
    private (GatewayEndReason Reason, int? CloseCode, bool Stable, string? Failure) RunConnection(Uri target, bool resume, bool announce, CancellationToken cancellationToken)
    {
        var uri = new UriBuilder(target) { Query = "v=10&encoding=json" }.Uri;
        if (announce)
        {
            GatewayLog.Connecting(_logger, uri.Authority, uri.AbsolutePath, resume ? "resume" : "identify");
        }

        IGatewayConnection connection;
        try
        {
            connection = _transport.Connect(uri, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return (GatewayEndReason.Shutdown, null, false, null);
        }
        catch (Exception e)
        {
            var reason = GatewayConnectFailure.Describe(e);
            GatewayLog.ConnectFailureDetail(_logger, reason, e);
            return (GatewayEndReason.ConnectFailed, null, false, reason);
        }

        using var link = new GatewayLink(connection, _clock, ++_generation);
        Volatile.Write(ref _link, link);
        long? sessionStartedAt = null;
        using (cancellationToken.Register(static l => ((GatewayLink)l!).End(GatewayEndReason.Shutdown, GatewayCloseCodes.NormalClosure), link))
        {
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            while (link.EndReason is null or GatewayEndReason.Shutdown)
            {
                buffer.ResetWrittenCount();
                if (!connection.Receive(buffer, link.Aborted))
                {
                    break;
                }

                var receivedAt = _clock.Now;
                if (link.EndReason is not null)
                {
                    continue;
                }

                try
                {
                    var frame = GatewayFrame.Parse(buffer.WrittenMemory);
                    _frames.Handle(link, frame, receivedAt, resume, ref sessionStartedAt);
                }
                catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
                {
                    GatewayLog.MalformedFrame(_logger, buffer.WrittenCount, e);
                }
            }

            link.End(GatewayEndReason.Closed, GatewayCloseCodes.ResumableClose);
        }

        Interlocked.CompareExchange(ref _link, null, link);
        var stable = sessionStartedAt is long started && _clock.Since(started) >= StableAfter;
        return (link.EndReason ?? GatewayEndReason.Closed, connection.CloseStatus, stable, null);
    }
}
