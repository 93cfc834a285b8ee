using Bot.Discord;
using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Tests.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Discord.Performance;

/// <summary>
/// A connected client as the host builds it (interactions, slash commands, REST, ack threads from
/// DI; the production <see cref="GatewayClient"/> on a real WebSocket) against
/// <see cref="FakeDiscordGateway"/>. REST may go to a different fake: the gateway's answers
/// <c>Connection: close</c>, Discord keeps connections alive. No log provider, as in a quiet host.
/// </summary>
internal sealed class ConnectedBot : IDisposable
{
    public const string Token = "perf-test-token.secret";

    private readonly CancellationTokenSource _stop = new();
    private readonly WebSocketGatewayTransport _transport = new();
    private readonly IHostedService[] _hosted;

    private ConnectedBot(FakeDiscordGateway gateway, ServiceProvider services)
    {
        Services = services;
        _hosted = [.. services.GetServices<IHostedService>()];
        foreach (var hosted in _hosted)
        {
            hosted.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        var gatewayOptions = Options.Create(new DiscordClientOptions { Token = Token, ApiBaseUrl = gateway.ApiBaseUrl });
        Client = new GatewayClient(gatewayOptions, services.GetRequiredService<IHttpClientFactory>(), _transport, services.GetServices<IGatewayEventSink>(),
            services.GetRequiredService<DiscordApplication>(), TimeProvider.System, services.GetRequiredService<ILogger<GatewayClient>>(), new Random(1),
            services.GetRequiredService<DiscordMetrics>());
        Run = Client.RunAsync(_stop.Token);
    }

    public ServiceProvider Services { get; }

    public GatewayClient Client { get; }

    public Task Run { get; }

    public LongCommandGate Gate => Services.GetRequiredService<LongCommandGate>();

    public static ConnectedBot Start(FakeDiscordGateway gateway, Uri restBaseUrl, InteractionSettings? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<LongCommandGate>();
        if (settings is not null)
        {
            services.AddSingleton(settings);
        }

        services.Configure<DiscordClientOptions>(o =>
        {
            o.Token = Token;
            o.ApiBaseUrl = restBaseUrl;
        });
        services.AddSlashCommands(typeof(PerformanceModule));
        return new ConnectedBot(gateway, services.BuildServiceProvider());
    }

    public void Dispose()
    {
        Gate.Release();
        _stop.Cancel();
        try
        {
            Run.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // a run that ended with an error has been asserted on, or does not matter, by now
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        foreach (var hosted in _hosted)
        {
            hosted.StopAsync(timeout.Token).GetAwaiter().GetResult();
        }

        Services.Dispose();
        _transport.Dispose();
        _stop.Dispose();
    }
}
