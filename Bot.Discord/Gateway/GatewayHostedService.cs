using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// Runs the gateway for the host's lifetime, from the moment the host has started. Stopping the host closes the gateway with 1000; a fatal
/// close (bad token, disallowed intents) becomes one critical log line, exit code
/// <see cref="DiscordClientOptions.FatalExitCode"/> and a stopped app; a crash exits with 1.
/// </summary>
internal sealed class GatewayHostedService(GatewayClient client, IHostApplicationLifetime lifetime, ILogger<GatewayHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Connect once the whole host has started (web listener included): a host that fails to start then spends no
        // IDENTIFY (Discord allows 1,000 a day) and logs nothing of a gateway it is about to drop.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try
            {
                await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            await client.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (GatewayFatalException e)
        {
            GatewayLog.HostFatal(logger, e.Message);
            Environment.ExitCode = DiscordClientOptions.FatalExitCode;
            lifetime.StopApplication();
        }
        catch (Exception e)
        {
            GatewayLog.HostCrashed(logger, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
