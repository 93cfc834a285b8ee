using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>Gateway log messages, event ids 1100–1199. Never the token.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1100, LogLevel.Information, "Connecting to the gateway at {Host}{Path} ({Mode})")]
    public static partial void Connecting(ILogger logger, string host, string path, string mode);

    [LoggerMessage(1101, LogLevel.Information, "Gateway READY: application {ApplicationId}")]
    public static partial void Ready(ILogger logger, ulong applicationId);

    [LoggerMessage(1102, LogLevel.Information, "Gateway session resumed")]
    public static partial void Resumed(ILogger logger);

    [LoggerMessage(1103, LogLevel.Warning, "Gateway connection ended: {Reason}, close code {CloseCode} ({Meaning})")]
    public static partial void ConnectionEnded(ILogger logger, GatewayEndReason reason, int? closeCode, string meaning);

    [LoggerMessage(1104, LogLevel.Information, "Reconnecting to the gateway in {DelayMs:F0} ms (attempt {Attempt})")]
    public static partial void ReconnectDelay(ILogger logger, double delayMs, int attempt);

    [LoggerMessage(1105, LogLevel.Warning, "No heartbeat ACK since the last heartbeat: the connection is a zombie; reconnecting to resume")]
    public static partial void Zombie(ILogger logger);

    [LoggerMessage(1106, LogLevel.Warning, "Heartbeat sent {LatenessMs:F0} ms late (threshold {ThresholdMs:F0} ms): the gateway heartbeat was blocked")]
    public static partial void HeartbeatLate(ILogger logger, double latenessMs, double thresholdMs);

    [LoggerMessage(1107, LogLevel.Warning, "Heartbeat ACK took {LatencyMs:F0} ms (threshold {ThresholdMs:F0} ms): can't keep up with the gateway")]
    public static partial void AckLate(ILogger logger, double latencyMs, double thresholdMs);

    [LoggerMessage(1108, LogLevel.Warning, "Gateway invalidated the session (resumable: {Resumable})")]
    public static partial void InvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(1109, LogLevel.Information, "Gateway asked us to reconnect (op 7)")]
    public static partial void ServerReconnect(ILogger logger);

    [LoggerMessage(1110, LogLevel.Critical, "Gateway closed with fatal code {CloseCode}: {Meaning}. Not reconnecting.")]
    public static partial void FatalClose(ILogger logger, int closeCode, string meaning);

    [LoggerMessage(1111, LogLevel.Warning, "Ignored a malformed gateway frame of {Length} bytes")]
    public static partial void MalformedFrame(ILogger logger, int length, Exception exception);

    [LoggerMessage(1112, LogLevel.Warning, "Ignored gateway opcode {Opcode} (unknown; logged once)")]
    public static partial void UnknownOpcode(ILogger logger, int opcode);

    [LoggerMessage(1113, LogLevel.Warning, "Gateway RATE_LIMITED opcode {Opcode}: retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, int opcode, double retryAfterSeconds);

    [LoggerMessage(1114, LogLevel.Warning, "No session starts left (session_start_limit.remaining = 0): waiting {DelayMs:F0} ms before IDENTIFY")]
    public static partial void SessionStartLimitWait(ILogger logger, double delayMs);

    // One line per failed attempt: the reason, not the stack trace (that is ConnectFailureDetail, at Debug).
    [LoggerMessage(1115, LogLevel.Warning, "Gateway connection failed (attempt {Attempt}, retrying in {RetryInSeconds:0.##} s): {Reason}")]
    public static partial void ConnectFailed(ILogger logger, int attempt, double retryInSeconds, string reason);

    [LoggerMessage(1116, LogLevel.Error, "Gateway event sink {Sink} threw from Post; the event was dropped for it")]
    public static partial void SinkFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(1117, LogLevel.Warning, "Heartbeat skipped: the connection's 120-per-60-s send budget is spent")]
    public static partial void HeartbeatSkipped(ILogger logger);

    [LoggerMessage(1118, LogLevel.Debug, "Gateway connection failure in detail: {Reason}")]
    public static partial void ConnectFailureDetail(ILogger logger, string reason, Exception exception);

    [LoggerMessage(1119, LogLevel.Debug, "Skipped dispatch {Sequence}: already delivered (last {LastSequence})")]
    public static partial void DuplicateDispatch(ILogger logger, long sequence, long lastSequence);

    // {Reason} is a whole sentence with its full stop (GatewayFatalException's message).
    [LoggerMessage(1120, LogLevel.Critical, "Discord gateway stopped for good: {Reason} Stopping the application.")]
    public static partial void HostFatal(ILogger logger, string reason);

    [LoggerMessage(1121, LogLevel.Critical, "Discord gateway crashed. Stopping the application.")]
    public static partial void HostCrashed(ILogger logger, Exception exception);

    [LoggerMessage(1122, LogLevel.Information, "Waiting {DelayMs:F0} ms before a new IDENTIFY")]
    public static partial void IdentifyWait(ILogger logger, double delayMs);
}
