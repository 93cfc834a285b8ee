using Bot.Discord;
using Bot.Discord.Gateway;
using Bot.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bot.Tests.Discord.Gateway;

/// <summary>
/// The production transport against a loopback port nobody listens on: every refused attempt is one warning line
/// that names the refusal, the attempt and the wait, with no stack trace.
/// </summary>
[Category(TestCategories.Integration)]
[NonParallelizable]
public sealed class GatewayConnectFailureTests
{
    private const int ConnectFailedId = 1115;

    [Test]
    public async Task Connect_PortRefuses_OneLinePerAttemptWithoutStackTrace()
    {
        var closedPort = Loopback.FreePort();
        using var transport = new WebSocketGatewayTransport();
        using var http = new StubGatewayBotHttp(url: $"ws://127.0.0.1:{closedPort}");
        var logger = new FakeLogger<GatewayClient>();
        var options = Microsoft.Extensions.Options.Options.Create(new DiscordClientOptions { Token = "refused-test-token.secret" });
        // 10 ms, 20 ms, 40 ms ... between attempts: the backoff's full jitter at a fixed 1 %.
        var client = new GatewayClient(options, http, transport, [], new DiscordApplication(), TimeProvider.System, logger, new FixedRandom(0.01));
        using var stop = new CancellationTokenSource();
        var run = client.RunAsync(stop.Token);

        await Eventually.ThatAsync(() => logger.Collector.GetSnapshot().Count(r => r.Id.Id == ConnectFailedId) >= 3, "three refused attempts", TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        var failures = AssertOneLinePerAttempt(logger);
        Assert.Multiple(() =>
        {
            Assert.That(failures[0].Message, Does.StartWith("Gateway connection failed (attempt 1, retrying in 0 s): Connection refused").And.EndsWith($"(127.0.0.1:{closedPort})"));
            Assert.That(failures[2].Message, Does.StartWith("Gateway connection failed (attempt 3, retrying in 0.02 s): Connection refused"));
        });
    }

    [Test]
    public async Task GatewayBot_ApiPortRefuses_OneLinePerAttemptWithoutStackTrace()
    {
        var closedPort = Loopback.FreePort();
        using var gateway = FakeDiscordGateway.Start();
        using var harness = new SocketGatewayHarness(gateway, o => o.ApiBaseUrl = new Uri($"http://127.0.0.1:{closedPort}/api/v10/"));

        await Eventually.ThatAsync(() => harness.Logger.Collector.GetSnapshot().Count(r => r.Id.Id == ConnectFailedId) >= 3, "three refused attempts", TimeSpan.FromSeconds(20));
        harness.Stop();
        await harness.Run.WaitAsync(TimeSpan.FromSeconds(10));

        var failures = AssertOneLinePerAttempt(harness.Logger, connectingLines: 0);
        Assert.Multiple(() =>
        {
            Assert.That(failures[0].Message, Is.EqualTo($"Gateway connection failed (attempt 1, retrying in 0 s): GET /gateway/bot: Connection refused (127.0.0.1:{closedPort})"));
            Assert.That(gateway.Connections, Is.Empty);
        });
    }

    /// <summary>Everything logged at Information or above is one failure line per attempt (and "Connecting" as often as given); returns those lines.</summary>
    private static List<FakeLogRecord> AssertOneLinePerAttempt(FakeLogger<GatewayClient> logger, int connectingLines = 1)
    {
        var lines = logger.Collector.GetSnapshot().Where(r => r.Level >= LogLevel.Information).ToList();
        var failures = lines.Where(r => r.Id.Id == ConnectFailedId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines.Count(r => r.Id.Id == 1100), Is.EqualTo(connectingLines), "\"Connecting\" once, not once per attempt");
            Assert.That(lines.Where(r => r.Id.Id != 1100), Is.EqualTo(failures), "nothing but the one line per failed attempt");
            Assert.That(failures.Select(r => r.Message), Has.All.StartsWith("Gateway connection failed (attempt "));
            Assert.That(failures.Select(r => r.Exception), Has.All.Null, "no stack trace");
            Assert.That(failures.Select(r => r.Message), Has.None.Contains('\n'));
        });
        return failures;
    }
}
