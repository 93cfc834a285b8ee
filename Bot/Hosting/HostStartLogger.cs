using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>
/// The generic host's own logger, less one entry. When a hosted service fails to start, the host logs "Hosting
/// failed to start" with the whole stack trace and rethrows; for the failures <see cref="BotHost"/> reports itself in
/// one line (Kestrel cannot listen on an HTTP_URLS address: an <see cref="IOException"/>; a setting validated at
/// start: an <see cref="OptionsValidationException"/>) that entry is dropped, so the operator reads the one line.
/// Every other entry of the host, and every other start failure, is logged as before.
/// </summary>
internal sealed class HostStartLogger<T>(ILoggerFactory factory) : ILogger<T>
{
    /// <summary>Microsoft.Extensions.Hosting's LoggerEventIds.HostedServiceStartupFaulted.</summary>
    private const int HostedServiceStartupFaulted = 11;

    private readonly ILogger _inner = factory.CreateLogger<T>();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == HostedServiceStartupFaulted && exception is IOException or OptionsValidationException)
        {
            return;
        }

        _inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
