using Bot.Discord;
using Microsoft.Extensions.Hosting.Systemd;

namespace Bot.Hosting;

/// <summary>
/// systemd integration through Microsoft.Extensions.Hosting.Systemd, with readiness that means
/// something: <c>READY=1</c> goes out when Discord has answered READY and the host (web endpoints
/// included) has started, not merely when the process is up, so <c>Type=notify</c> makes
/// <c>systemctl start</c> wait for a working bot. <c>STOPPING=1</c> goes out as shutdown begins.
/// Under systemd the console log uses the journal's format (priority prefixes, one line per entry);
/// on a terminal it stays the default, human-friendly one.
/// </summary>
internal static partial class SystemdIntegration
{
    public static void AddBotSystemd(this IHostApplicationBuilder builder)
    {
        if (SystemdHelpers.IsSystemdService())
        {
            builder.Logging.AddSystemdConsole(options => options.UseUtcTimestamp = true);
        }

        // Every SQL statement, HTTP call and web request (/healthz polls included) at Information would bury the bot's own lines; settings
        // (Logging__LogLevel__...) can still turn them up.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // The notifier is a no-op unless systemd (or a test) set NOTIFY_SOCKET.
        builder.Services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
        builder.Services.AddHostedService<ReadinessNotifier>();
    }

    private sealed partial class ReadinessNotifier(
        DiscordApplication discord, ISystemdNotifier notifier, IHostApplicationLifetime lifetime, ILogger<ReadinessNotifier> logger) : BackgroundService
    {
        public override Task StopAsync(CancellationToken cancellationToken)
        {
            if (notifier.IsEnabled)
            {
                notifier.Notify(ServiceState.Stopping);
            }

            return base.StopAsync(cancellationToken);
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (!notifier.IsEnabled)
            {
                return;
            }

            notifier.Notify(new ServiceState("STATUS=connecting to Discord"));
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            try
            {
                await Task.WhenAll(discord.Ready, started.Task).WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            notifier.Notify(ServiceState.Ready);
            notifier.Notify(new ServiceState("STATUS=connected to Discord, answering commands"));
            LogReady(logger);
        }

        [LoggerMessage(EventId = 1950, Level = LogLevel.Information, Message = "Told systemd the bot is ready (connected to Discord).")]
        private static partial void LogReady(ILogger logger);
    }
}
