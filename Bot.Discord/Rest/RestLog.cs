using Microsoft.Extensions.Logging;

namespace Bot.Discord.Rest;

internal static partial class RestLog
{
    [LoggerMessage(1200, LogLevel.Warning, "Discord REST {Route} rate limited ({Scope}); retry {Attempt} after {RetryAfterMs} ms")]
    public static partial void RateLimited(ILogger logger, RestRoute route, string scope, int attempt, double retryAfterMs);

    [LoggerMessage(1201, LogLevel.Error, "Discord REST {Route} still rate limited after {Retries} retries; giving up")]
    public static partial void RetriesExhausted(ILogger logger, RestRoute route, int retries);

    [LoggerMessage(1202, LogLevel.Critical, "Discord REST {Route} answered 401: the bot token is invalid. The REST client is stopped; no further requests are sent")]
    public static partial void Unauthorized(ILogger logger, RestRoute route);

    [LoggerMessage(1203, LogLevel.Warning, "Discord REST {Route} failed: HTTP {Status}, code {Code}: {Message}")]
    public static partial void Failed(ILogger logger, RestRoute route, int status, int? code, string? message);

    [LoggerMessage(1204, LogLevel.Warning, "Discord REST {Route} failed to send: {Error}")]
    public static partial void NetworkError(ILogger logger, RestRoute route, string error);

    [LoggerMessage(1205, LogLevel.Error, "Discord REST: {Count} 401/403/429 answers in the window; refusing requests until it drains")]
    public static partial void InvalidBudgetExhausted(ILogger logger, int count);
}
