using Bot.Discord;
using Bot.Discord.Gateway;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord.Gateway;

/// <summary>A gateway client on the scripted transport and a fake clock, running on its own thread.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "test-token.secret";

    private readonly CancellationTokenSource _stop = new();

    private GatewayHarness(Action<DiscordClientOptions>? configure, Random random, StubGatewayBotHttp http)
    {
        var options = new DiscordClientOptions { Token = Token };
        configure?.Invoke(options);
        Options = options;
        Http = http;
        Transport = new ScriptedGatewayTransport(Time);
        Client = new GatewayClient(Microsoft.Extensions.Options.Options.Create(options), Http, Transport, [Sink], Application, Time, Logger, random);
        Run = Client.RunAsync(_stop.Token);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

    public DiscordClientOptions Options { get; }

    public StubGatewayBotHttp Http { get; }

    public ScriptedGatewayTransport Transport { get; }

    public RecordingSink Sink { get; } = new();

    public DiscordApplication Application { get; } = new();

    public FakeLogger<GatewayClient> Logger { get; } = new();

    public GatewayClient Client { get; }

    public Task Run { get; }

    public static GatewayHarness Start(Action<DiscordClientOptions>? configure = null, Random? random = null, StubGatewayBotHttp? http = null) =>
        new(configure, random ?? new FixedRandom(0.5), http ?? new StubGatewayBotHttp());

    public async Task<ScriptedGatewayConnection> ConnectionAsync(int index, TimeSpan? timeout = null)
    {
        await Eventually.ThatAsync(() => Transport.Connections.Count > index, $"connection #{index}", timeout);
        return Transport.Connections[index];
    }

    public static async Task<SentFrame> SentAsync(ScriptedGatewayConnection connection, int op, int count = 1)
    {
        await Eventually.ThatAsync(() => connection.SentOp(op).Count() >= count, $"op {op} #{count}");
        return connection.SentOp(op).ElementAt(count - 1);
    }

    /// <summary>Connection 0 after HELLO, IDENTIFY and READY (s = 1).</summary>
    public async Task<ScriptedGatewayConnection> ReadyAsync(int intervalMs = 10_000)
    {
        var connection = await ConnectionAsync(0);
        connection.PushHello(intervalMs);
        await SentAsync(connection, 2);
        connection.PushReady();
        await Eventually.ThatAsync(() => Client.SessionId is not null, "READY processed");
        return connection;
    }

    /// <summary>Steps the fake clock until the condition holds (real-time bounded).</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step, TimeSpan max)
    {
        var advanced = TimeSpan.Zero;
        while (!condition())
        {
            Assert.That(advanced, Is.LessThanOrEqualTo(max), "fake time ran out before the condition held");
            Time.Advance(step);
            advanced += step;
            await Task.Delay(2);
        }
    }

    public TimeSpan Between(long from, long to) => Time.GetElapsedTime(from, to);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Time.Advance(TimeSpan.FromSeconds(5));
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is GatewayFatalException or TimeoutException or InvalidOperationException)
        {
        }

        _stop.Dispose();
        Http.Dispose();
    }
}
