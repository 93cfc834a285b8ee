using System.Buffers;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>
/// The Discord gateway for one shard. <see cref="RunAsync"/> runs it on a dedicated thread until
/// cancelled (then closes with 1000) or until a fatal close code (<see cref="GatewayFatalException"/>).
/// Each dispatch goes to every <see cref="IGatewayEventSink"/>; nothing here waits on them.
/// </summary>
public sealed class GatewayClient
{
    internal const string HttpClientName = "discord-gateway";

    private static readonly TimeSpan IdentifySpacing = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    private readonly DiscordClientOptions _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IGatewayTransport _transport;
    private readonly IGatewayEventSink[] _sinks;
    private readonly DiscordApplication _application;
    private readonly GatewayClock _clock;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly GatewayWatchdog _watchdog;
    private readonly HashSet<int> _unknownOpcodesLogged = [];
    private GatewayLink? _link;
    private GatewayBotInfo? _gatewayInfo;
    private int _sessionStartsLeft;
    private long _sessionStartsResetAt;
    private long? _lastIdentify;
    private string? _sessionId;
    private Uri? _resumeUrl;
    private long _lastSequence = -1;
    private int _generation;
    private int _liveGeneration = -1;
    private long _lastAckAt;

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
        _options = options.Value;
        _httpClientFactory = httpClientFactory;
        _transport = transport;
        _sinks = [.. sinks];
        _application = application;
        _clock = new GatewayClock(timeProvider);
        _logger = logger;
        _random = random;
        _watchdog = new GatewayWatchdog(logger, _options.HeartbeatWarningThreshold, metrics);
    }

    /// <summary>Completes with the first READY (the application id lives there).</summary>
    public Task<GatewayReady> Ready => _application.Ready;

    /// <summary>True while a connection is open and its session is established (READY or RESUMED seen on it).</summary>
    /// <summary>How long ago Discord last acknowledged a heartbeat; null before the first ACK.</summary>
    public TimeSpan? HeartbeatAckAge => Volatile.Read(ref _lastAckAt) is var at and not 0 ? _clock.Since(at) : null;

    public bool IsConnected => Volatile.Read(ref _link) is { EndReason: null } link && link.Generation == Volatile.Read(ref _liveGeneration);

    internal string? SessionId => Volatile.Read(ref _sessionId);

    internal Uri? ResumeUrl => Volatile.Read(ref _resumeUrl);

    internal long LastSequence => Volatile.Read(ref _lastSequence);

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
            if (resume && SessionId is not null && ResumeUrl is not null)
            {
                target = ResumeUrl;
            }
            else
            {
                resume = false;
                if (TryPrepareIdentify(cancellationToken, out target) is { } notPrepared)
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
                ClearSession();
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

    private void ClearSession()
    {
        Volatile.Write(ref _sessionId, null);
        Volatile.Write(ref _resumeUrl, null);
    }

    /// <summary>Cached gateway URL, session_start_limit and identify spacing; the reason on a transient failure, else null.</summary>
    private string? TryPrepareIdentify(CancellationToken cancellationToken, out Uri target)
    {
        target = null!;
        if (_gatewayInfo is null && TryFetchGatewayBot(cancellationToken) is { } failed)
        {
            return failed;
        }

        while (_sessionStartsLeft <= 0)
        {
            var wait = _clock.TimeProvider.GetElapsedTime(_clock.Now, _sessionStartsResetAt);
            if (wait > TimeSpan.Zero)
            {
                GatewayLog.SessionStartLimitWait(_logger, wait.TotalMilliseconds);
                _clock.Sleep(wait, cancellationToken);
            }

            if (TryFetchGatewayBot(cancellationToken) is { } refetchFailed)
            {
                return refetchFailed;
            }
        }

        if (_lastIdentify is long last)
        {
            var spacing = IdentifySpacing - _clock.Since(last);
            if (spacing > TimeSpan.Zero)
            {
                GatewayLog.IdentifyWait(_logger, spacing.TotalMilliseconds);
                _clock.Sleep(spacing, cancellationToken);
            }
        }

        target = _gatewayInfo!.Url;
        return null;
    }

    /// <summary>Fetches and caches GET /gateway/bot; the reason it failed, or null.</summary>
    private string? TryFetchGatewayBot(CancellationToken cancellationToken)
    {
        var fetchedAt = _clock.Now;
        using var http = _httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.ApiBaseUrl.ToString().TrimEnd('/') + "/gateway/bot"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + _options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", $"DiscordBot ({_options.UserAgentUrl}, {_options.UserAgentVersion})");
        try
        {
            using var response = http.Send(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new GatewayFatalException(null, "GET /gateway/bot returned 401 Unauthorized: the bot token is invalid.");
            }

            if (!response.IsSuccessStatusCode)
            {
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"GET /gateway/bot answered {(int)response.StatusCode}");
            }

            using var body = response.Content.ReadAsStream(cancellationToken);
            using var document = JsonDocument.Parse(body);
            var info = GatewayBotInfo.Parse(document.RootElement);
            _gatewayInfo = info;
            _sessionStartsLeft = info.Remaining;
            _sessionStartsResetAt = _clock.After(fetchedAt, info.ResetAfter);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or FormatException or KeyNotFoundException or InvalidOperationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = "GET /gateway/bot: " + GatewayConnectFailure.Describe(e);
            GatewayLog.ConnectFailureDetail(_logger, reason, e);
            return reason;
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
                if (!connection.Receive(buffer))
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
                    Handle(link, frame, receivedAt, resume, ref sessionStartedAt);
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

    private void Handle(GatewayLink link, GatewayFrame frame, long receivedAt, bool resume, ref long? sessionStartedAt)
    {
        switch (frame.Opcode)
        {
            case GatewayOpcode.Dispatch:
                HandleDispatch(frame, receivedAt, ref sessionStartedAt);
                break;
            case GatewayOpcode.Hello:
                HandleHello(link, frame, receivedAt, resume);
                break;
            case GatewayOpcode.HeartbeatAck:
                if (link.Ack(receivedAt) is TimeSpan latency)
                {
                    Volatile.Write(ref _lastAckAt, receivedAt);
                    _watchdog.AckReceived(latency);
                }

                break;
            case GatewayOpcode.Heartbeat:
                link.RequestBeat();
                break;
            case GatewayOpcode.Reconnect:
                GatewayLog.ServerReconnect(_logger);
                link.End(GatewayEndReason.Reconnect, GatewayCloseCodes.ResumableClose);
                break;
            case GatewayOpcode.InvalidSession:
                var resumable = frame.Data.ValueKind == JsonValueKind.True;
                GatewayLog.InvalidSession(_logger, resumable);
                link.End(resumable ? GatewayEndReason.InvalidSessionResumable : GatewayEndReason.InvalidSessionNew, GatewayCloseCodes.ResumableClose);
                break;
            default:
                if (_unknownOpcodesLogged.Add(frame.Opcode))
                {
                    GatewayLog.UnknownOpcode(_logger, frame.Opcode);
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
        var firstDue = _clock.After(receivedAt, interval * _random.NextDouble());
        new GatewayHeartbeat(link, _clock, interval, firstDue, () => LastSequence, _watchdog, _logger).Start();

        if (resume)
        {
            link.TrySend(GatewayPayloads.Resume(_options.Token, SessionId!, LastSequence), heartbeat: false, out _);
            return;
        }

        // A new session numbers its dispatches from 1 again.
        Volatile.Write(ref _lastSequence, -1);
        if (link.TrySend(GatewayPayloads.Identify(_options.Token, _options.Intents), heartbeat: false, out _) == GatewaySendStatus.Sent)
        {
            _lastIdentify = _clock.Now;
            _sessionStartsLeft--;
        }
    }

    private void HandleDispatch(GatewayFrame frame, long receivedAt, ref long? sessionStartedAt)
    {
        if (frame.Sequence is long sequence)
        {
            var last = LastSequence;
            if (sequence <= last)
            {
                GatewayLog.DuplicateDispatch(_logger, sequence, last);
                return;
            }

            Volatile.Write(ref _lastSequence, sequence);
        }

        var name = frame.EventName ?? "";
        switch (name)
        {
            case "READY":
                var data = frame.Data;
                Volatile.Write(ref _sessionId, data.GetProperty("session_id").GetString());
                Volatile.Write(ref _resumeUrl, new Uri(data.GetProperty("resume_gateway_url").GetString()!));
                var user = data.GetProperty("user");
                var ready = new GatewayReady(
                    ulong.Parse(data.GetProperty("application").GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    ulong.Parse(user.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    user.TryGetProperty("username", out var userName) ? userName.GetString() ?? "" : "");
                sessionStartedAt = receivedAt;
                Volatile.Write(ref _liveGeneration, _generation);
                GatewayLog.Ready(_logger, ready.ApplicationId);
                _application.SetReady(ready);
                break;
            case "RESUMED":
                sessionStartedAt = receivedAt;
                Volatile.Write(ref _liveGeneration, _generation);
                GatewayLog.Resumed(_logger);
                break;
            case GatewayRateLimited.EventName:
                if (GatewayRateLimited.TryParse(frame.Data, out var limited))
                {
                    GatewayLog.RateLimited(_logger, limited!.Opcode, limited.RetryAfter.TotalSeconds);
                }

                break;
        }

        var dispatch = new GatewayDispatch(name, frame.Sequence ?? 0, frame.Data, receivedAt);
        foreach (var sink in _sinks)
        {
            try
            {
                sink.Post(dispatch);
            }
            catch (Exception e)
            {
                GatewayLog.SinkFailed(_logger, sink.GetType().Name, e);
            }
        }
    }
}
