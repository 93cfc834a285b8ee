using Bot.Discord;
using Bot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bot.Tests.Discord.Gateway;

/// <summary>Check 21 at the host boundary, and the DI extension.</summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.Integration)]
public sealed class GatewayHostedServiceTests
{
    [Test]
    public async Task HostedService_FatalClose4004_LogsOneLineAndStopsTheApplication()
    {
        using var gateway = FakeDiscordGateway.Start(heartbeatIntervalMs: 1000);
        var collector = new FakeLogCollector();
        var lifetime = new RecordingLifetime();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(collector)));
        services.Configure<DiscordClientOptions>(o =>
        {
            o.Token = "hosted-token.secret";
            o.ApiBaseUrl = gateway.ApiBaseUrl;
        });
        services.AddSingleton<IHostApplicationLifetime>(lifetime);
        services.AddDiscordGateway();
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().OfType<GatewayHostedService>().Single();
        var exitCode = Environment.ExitCode;
        try
        {
            await hosted.StartAsync(CancellationToken.None);
            await provider.GetRequiredService<DiscordApplication>().Ready.WaitAsync(TimeSpan.FromSeconds(10));
            gateway.Connections[0].Close(4004);
            await Eventually.ThatAsync(() => lifetime.Stopped, "StopApplication", TimeSpan.FromSeconds(10));
            await hosted.StopAsync(CancellationToken.None);
            await Task.Delay(500);

            var critical = collector.GetSnapshot().Where(r => r.Level == LogLevel.Critical).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(critical.Select(r => r.Id.Id), Is.EqualTo(new[] { 1110, 1120 }), "the client's close-code line and the host's one line");
                Assert.That(critical.Last().Message, Does.Contain("4004").And.EndsWith("). Stopping the application.").And.Not.Contain(".."));
                Assert.That(collector.GetSnapshot().Select(r => r.Message), Has.None.Contains("hosted-token.secret"));
                Assert.That(Environment.ExitCode, Is.EqualTo(3), "fatal: fix the settings; systemd does not restart it");
                Assert.That(gateway.Connections, Has.Count.EqualTo(1), "no retry");
            });
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    private sealed class RecordingLifetime : IHostApplicationLifetime
    {
        public bool Stopped { get; private set; }

        /// <summary>Already started: the gateway connects at once.</summary>
        public CancellationToken ApplicationStarted => new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopped = true;
    }
}
