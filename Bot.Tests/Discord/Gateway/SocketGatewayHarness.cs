using Bot.Discord;
using Bot.Discord.Gateway;
using Microsoft.Extensions.Logging.Testing;

namespace Bot.Tests.Discord.Gateway;

/// <summary>The production client (real ClientWebSocket transport, system clock) against <see cref="FakeDiscordGateway"/>.</summary>
internal sealed class SocketGatewayHarness : IDisposable
{
    public const string Token = "socket-test-token.secret";

    private readonly CancellationTokenSource _stop = new();
    private readonly WebSocketGatewayTransport _transport = new();
    private readonly PlainHttpClientFactory _http = new();

    public SocketGatewayHarness(FakeDiscordGateway gateway, Action<DiscordClientOptions>? configure = null)
    {
        var options = new DiscordClientOptions { Token = Token, ApiBaseUrl = gateway.ApiBaseUrl };
        configure?.Invoke(options);
        Client = new GatewayClient(Microsoft.Extensions.Options.Options.Create(options), _http, _transport, [Sink], Application, TimeProvider.System, Logger, new Random(1));
        Run = Client.RunAsync(_stop.Token);
    }

    public RecordingSink Sink { get; } = new();

    public DiscordApplication Application { get; } = new();

    public FakeLogger<GatewayClient> Logger { get; } = new();

    public GatewayClient Client { get; }

    public Task Run { get; }

    public void Stop() => _stop.Cancel();

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            Run.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
        _transport.Dispose();
        _http.Dispose();
    }

    private sealed class PlainHttpClientFactory : IHttpClientFactory, IDisposable
    {
        private readonly SocketsHttpHandler _handler = new();

        public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false);

        public void Dispose() => _handler.Dispose();
    }
}
