using Microsoft.Extensions.Logging;

namespace Bot.Discord.Commands;

internal static partial class CommandLog
{
    [LoggerMessage(1300, LogLevel.Warning, "Handler {Handler} (/{Command}) has been running for more than {ThresholdSeconds} s")]
    public static partial void SlowHandler(ILogger logger, string handler, string command, double thresholdSeconds);

    [LoggerMessage(1301, LogLevel.Error, "Handler {Handler} (/{Command}) failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string command);

    [LoggerMessage(1302, LogLevel.Warning, "Unknown command /{Command} (interaction {InteractionId})")]
    public static partial void UnknownCommand(ILogger logger, string command, ulong interactionId);

    [LoggerMessage(1303, LogLevel.Information, "Registered {Count} slash commands ({Scope})")]
    public static partial void Registered(ILogger logger, int count, string scope);

    [LoggerMessage(1304, LogLevel.Error, "Slash command registration failed: HTTP {Status}, code {Code}: {Message}")]
    public static partial void RegistrationFailed(ILogger logger, int status, int? code, string? message);

    [LoggerMessage(1305, LogLevel.Information, "/{Command}: invalid option: {Problem}")]
    public static partial void InvalidOption(ILogger logger, string command, string problem);

    [LoggerMessage(1306, LogLevel.Information, "/{Command}: refused by a check or guard: {Refusal}")]
    public static partial void Refused(ILogger logger, string command, string refusal);
}
