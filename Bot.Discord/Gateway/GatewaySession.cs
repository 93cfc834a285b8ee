using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// The session across connections: where to connect (GET /gateway/bot, cached), the daily session-start budget and the
/// 5-second IDENTIFY spacing, the session id and resume URL from READY, and the last sequence seen. Sends the IDENTIFY
/// or RESUME that opens a connection. Written by the gateway thread; the volatile fields are read from others.
/// </summary>
internal sealed class GatewaySession(DiscordClientOptions options, IHttpClientFactory httpClientFactory, GatewayClock clock, ILogger logger)
{
    private static readonly TimeSpan IdentifySpacing = TimeSpan.FromSeconds(5);

    private GatewayBotInfo? _gatewayInfo;
    private int _sessionStartsLeft;
    private long _sessionStartsResetAt;
    private long? _lastIdentify;
    private string? _sessionId;
    private Uri? _resumeUrl;
    private long _lastSequence = -1;

    public string? SessionId => Volatile.Read(ref _sessionId);

    public Uri? ResumeUrl => Volatile.Read(ref _resumeUrl);

    public long LastSequence => Volatile.Read(ref _lastSequence);

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    /// <summary>READY: the session to resume from now on.</summary>
    public void Established(string sessionId, Uri resumeUrl)
    {
        Volatile.Write(ref _sessionId, sessionId);
        Volatile.Write(ref _resumeUrl, resumeUrl);
    }

    public void Clear()
    {
        Volatile.Write(ref _sessionId, null);
        Volatile.Write(ref _resumeUrl, null);
    }

    /// <summary>Records a dispatch's sequence; false (logged at Debug) when it was delivered already.</summary>
    public bool TryAdvance(long sequence)
    {
        var last = LastSequence;
        if (sequence <= last)
        {
            GatewayLog.DuplicateDispatch(logger, sequence, last);
            return false;
        }

        Volatile.Write(ref _lastSequence, sequence);
        return true;
    }

    /// <summary>After HELLO: RESUME the session, or IDENTIFY a new one (spending one session start).</summary>
    public void Open(GatewayLink link, bool resume)
    {
        if (resume)
        {
            link.TrySend(GatewayPayloads.Resume(options.Token, SessionId!, LastSequence), heartbeat: false, out _);
            return;
        }

        // A new session numbers its dispatches from 1 again.
        Volatile.Write(ref _lastSequence, -1);
        if (link.TrySend(GatewayPayloads.Identify(options.Token, options.Intents), heartbeat: false, out _) == GatewaySendStatus.Sent)
        {
            _lastIdentify = clock.Now;
            _sessionStartsLeft--;
        }
    }

    /// <summary>Cached gateway URL, session_start_limit and identify spacing; the reason on a transient failure, else null.</summary>
    public string? TryPrepareIdentify(CancellationToken cancellationToken, out Uri target)
    {
        target = null!;
        if (_gatewayInfo is null && TryFetchGatewayBot(cancellationToken) is { } failed)
        {
            return failed;
        }

        while (_sessionStartsLeft <= 0)
        {
            var wait = clock.TimeProvider.GetElapsedTime(clock.Now, _sessionStartsResetAt);
            if (wait > TimeSpan.Zero)
            {
                GatewayLog.SessionStartLimitWait(logger, wait.TotalMilliseconds);
                clock.Sleep(wait, cancellationToken);
            }

            if (TryFetchGatewayBot(cancellationToken) is { } refetchFailed)
            {
                return refetchFailed;
            }
        }

        if (_lastIdentify is long last)
        {
            var spacing = IdentifySpacing - clock.Since(last);
            if (spacing > TimeSpan.Zero)
            {
                GatewayLog.IdentifyWait(logger, spacing.TotalMilliseconds);
                clock.Sleep(spacing, cancellationToken);
            }
        }

        target = _gatewayInfo!.Url;
        return null;
    }

    /// <summary>Fetches and caches GET /gateway/bot; the reason it failed, or null.</summary>
    private string? TryFetchGatewayBot(CancellationToken cancellationToken)
    {
        var fetchedAt = clock.Now;
        using var http = httpClientFactory.CreateClient(GatewayClient.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.ApiBaseUrl.ToString().TrimEnd('/') + "/gateway/bot"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", $"DiscordBot ({options.UserAgentUrl}, {options.UserAgentVersion})");
        try
        {
            using var response = http.Send(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new GatewayFatalException(null, "GET /gateway/bot returned 401 Unauthorized: the bot token is invalid.");
            }

            if (!response.IsSuccessStatusCode)
            {
                return string.Create(CultureInfo.InvariantCulture, $"GET /gateway/bot answered {(int)response.StatusCode}");
            }

            using var body = response.Content.ReadAsStream(cancellationToken);
            using var document = JsonDocument.Parse(body);
            var info = GatewayBotInfo.Parse(document.RootElement);
            _gatewayInfo = info;
            _sessionStartsLeft = info.Remaining;
            _sessionStartsResetAt = clock.After(fetchedAt, info.ResetAfter);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or FormatException or KeyNotFoundException or InvalidOperationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = "GET /gateway/bot: " + GatewayConnectFailure.Describe(e);
            GatewayLog.ConnectFailureDetail(logger, reason, e);
            return reason;
        }
    }
}
