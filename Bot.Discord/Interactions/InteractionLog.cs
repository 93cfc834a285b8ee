using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>The interaction pipeline's log lines (14xx; 11xx are the gateway's).</summary>
internal static partial class InteractionLog
{
    [LoggerMessage(1400, LogLevel.Warning, "Interaction {InteractionId} (/{Command}) is dead for Discord: {Kind} (code {Code}); nothing more is sent for it")]
    public static partial void Terminal(ILogger logger, ulong interactionId, string command, DiscordResultKind kind, int? code);

    [LoggerMessage(1401, LogLevel.Warning, "Interaction {InteractionId} (/{Command}) acknowledged {ElapsedMs} ms after receipt (deadline {DeadlineMs} ms)")]
    public static partial void LateAck(ILogger logger, ulong interactionId, string command, double elapsedMs, double deadlineMs);

    [LoggerMessage(1402, LogLevel.Error, "Interaction {InteractionId} (/{Command}): its token is older than {LifetimeMin} minutes; the result could not be delivered")]
    public static partial void TokenExpired(ILogger logger, ulong interactionId, string command, double lifetimeMin);

    [LoggerMessage(1403, LogLevel.Warning, "Malformed INTERACTION_CREATE ignored: {Error}")]
    public static partial void Malformed(ILogger logger, string error);

    [LoggerMessage(1404, LogLevel.Error, "Interaction queue full ({Capacity}); interaction {InteractionId} dropped")]
    public static partial void QueueFull(ILogger logger, int capacity, ulong interactionId);

    [LoggerMessage(1405, LogLevel.Debug, "Interaction {InteractionId} of type {Type} ignored (only slash commands are handled)")]
    public static partial void Ignored(ILogger logger, ulong interactionId, int type);

    [LoggerMessage(1406, LogLevel.Error, "Acknowledgement thread failed on interaction {InteractionId}")]
    public static partial void AckFailed(ILogger logger, Exception exception, ulong interactionId);

    [LoggerMessage(1407, LogLevel.Warning, "READY without application.id; command registration skipped")]
    public static partial void ReadyWithoutApplication(ILogger logger);
}
