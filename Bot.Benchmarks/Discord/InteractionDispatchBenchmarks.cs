using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Bot.Discord;
using Bot.Discord.Commands;
using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Benchmarks.Discord;

/// <summary>
/// Issue 3's acknowledgement path without load: what one INTERACTION_CREATE costs to parse and
/// route, to turn from raw gateway frame into a routed interaction, and how long from
/// <see cref="IGatewayEventSink.Post"/> until the defer callback has been fully received by a
/// keep-alive loopback Discord (ack thread, HTTP request, 204). The figures under a saturated pool
/// are in Bot.Tests/Discord/Performance. Run: dotnet run -c Release --project Bot.Benchmarks -- --filter '*Interaction*'
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes in [GlobalCleanup]")]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class InteractionDispatchBenchmarks
{
    private const string Data = """
        {"id":"1300000000000000000","application_id":"777","type":2,"token":"interaction-token-benchmark","version":1,
         "guild_id":"42","channel_id":"43","context":0,"app_permissions":"0","locale":"en-US",
         "member":{"user":{"id":"1001","username":"ana","global_name":"Ana B"},"roles":[],"permissions":"32","joined_at":"2026-01-01T00:00:00Z"},
         "data":{"id":"900","name":"stats","type":1,"options":[]}}
        """;

    private LoopbackDiscordRest _rest = null!;
    private ServiceProvider _services = null!;
    private IHostedService[] _hosted = [];
    private IGatewayEventSink _sink = null!;
    private SlashCommandRegistry _registry = null!;
    private JsonElement _data;
    private byte[] _frame = [];

    [GlobalSetup]
    public void Setup()
    {
        _rest = new LoopbackDiscordRest();
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<DiscordClientOptions>(o =>
        {
            o.Token = "benchmark-token";
            o.ApiBaseUrl = _rest.BaseUrl;
        });
        services.AddSlashCommands(typeof(BenchmarkCommands));
        _services = services.BuildServiceProvider();
        _hosted = [.. _services.GetServices<IHostedService>()];
        foreach (var hosted in _hosted)
        {
            hosted.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        _sink = _services.GetServices<IGatewayEventSink>().Single();
        _registry = _services.GetRequiredService<SlashCommandRegistry>();
        using (var document = JsonDocument.Parse(Data))
        {
            _data = document.RootElement.Clone();
        }

        _frame = Encoding.UTF8.GetBytes($$"""{"op":0,"d":{{Data}},"s":42,"t":"INTERACTION_CREATE"}""");
        if (!SpinWait.SpinUntil(() => _rest.WarmUps >= _services.GetRequiredService<InteractionSettings>().AckThreads, TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException("the ack threads did not open their connections");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var hosted in _hosted)
        {
            hosted.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        _services.Dispose();
        _rest.Dispose();
    }

    [Benchmark]
    public bool ParseAndRoute() => _registry.Find(InteractionParser.Parse(_data, 0).CommandPath) is not null;

    /// <summary>What the read loop does with a frame (parse, copy <c>d</c>) plus the parse and route.</summary>
    [Benchmark]
    public bool FrameToRoute()
    {
        using var document = JsonDocument.Parse(_frame);
        var d = document.RootElement.GetProperty("d").Clone();
        return _registry.Find(InteractionParser.Parse(d, 0).CommandPath) is not null;
    }

    [Benchmark]
    public bool PostToDeferReceived()
    {
        _sink.Post(new GatewayDispatch("INTERACTION_CREATE", 42, _data, TimeProvider.System.GetTimestamp()));
        return _rest.WaitForCallback(TimeSpan.FromSeconds(5));
    }
}
