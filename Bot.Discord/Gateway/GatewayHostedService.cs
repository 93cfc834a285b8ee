using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// Runs the gateway for the host's lifetime. Stopping the host closes the gateway with 1000; a fatal
/// close (bad token, disallowed intents) becomes one critical log line, exit code
/// <see cref="DiscordClientOptions.FatalExitCode"/> and a stopped app; a crash exits with 1.
/// </summary>
internal sealed class GatewayHostedService(GatewayClient client, IHostApplicationLifetime lifetime, ILogger<GatewayHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
