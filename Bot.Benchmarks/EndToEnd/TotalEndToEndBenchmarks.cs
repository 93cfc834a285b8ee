using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Bot.Benchmarks.Data;
using Bot.Benchmarks.Discord;
using Bot.Commands;
using Bot.Data;
using Bot.Discord;
using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Hosting;
using Bot.Standings;
using Bot.Testing.Generation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Benchmarks.EndToEnd;

/// <summary>
/// Issue 4's end-to-end <c>/total</c>, server-side and in-process: from
/// <see cref="IGatewayEventSink.Post"/> of an INTERACTION_CREATE until the public followup with
/// the pot has been received by a keep-alive loopback Discord (defer, read, tally on the CPU threads,
/// PATCH @original, every ledger page). Services wired as BotHost wires them, without the gateway.
/// Targets: under 20 ms for 10 members, under 500 ms for 1,000.
/// Run: dotnet run -c Release --project Bot.Benchmarks -- --filter '*TotalEndToEnd*'
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes in [GlobalCleanup]")]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class TotalEndToEndBenchmarks
{
    private const long GuildId = 1_000_000_000_000_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private LoopbackDiscordRest _rest = null!;
    private SeasonDatabase _database = null!;
    private ServiceProvider _services = null!;
    private IHostedService[] _hosted = [];
    private IGatewayEventSink _sink = null!;
    private long _interaction;

    [Params(10, 1_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var season = new SeasonGenerator(SeasonGenerator.DefaultSeed).Generate(Members, SeasonGenerator.DefaultSeason, SeasonGenerator.DefaultAsOf);
        _database = SeasonDatabase.CreateAsync(season).GetAwaiter().GetResult();
        var path = _database.Path;

        _rest = new LoopbackDiscordRest();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "benchmark-token",
            ["DISCORD_API_BASE_URL"] = _rest.BaseUrl.ToString(),
            ["DATABASE_PATH"] = path,
            ["CHALLENGE_TIME_ZONE"] = "UTC",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotSettings(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddChallengeData(path);
        services.AddSingleton<StandingsService>();
        services.Configure<DiscordClientOptions>(o =>
        {
            o.Token = "benchmark-token";
            o.ApiBaseUrl = _rest.BaseUrl;
        });
        services.AddSlashCommands(typeof(HelpCommands).Assembly);
        services.AddBotCommands(configuration);
        _services = services.BuildServiceProvider();
        _hosted = [.. _services.GetServices<IHostedService>()];
        foreach (var hosted in _hosted)
        {
            hosted.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        _sink = _services.GetServices<IGatewayEventSink>().Single();
        if (!SpinWait.SpinUntil(() => _rest.WarmUps >= _services.GetRequiredService<InteractionSettings>().AckThreads, TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException("the ack threads did not open their connections");
        }

        if (!PostToLedgerReceived() || !(_rest.LastLedgerBody ?? "").Contains("Pot:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("/total did not post its ledger");
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
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public bool PostToLedgerReceived()
    {
        var id = 1_300_000_000_000_000_000 + Interlocked.Increment(ref _interaction);
        using var document = JsonDocument.Parse($$$"""
            {"id":"{{{id}}}","application_id":"777","type":2,"token":"e2e-token-{{{id}}}","version":1,
             "guild_id":"{{{GuildId}}}","channel_id":"43","locale":"en-US",
             "member":{"user":{"id":"1001","username":"ana"},"roles":[],"permissions":"0"},
             "data":{"id":"900","name":"total","type":1,"options":[{"name":"season","type":4,"value":{{{SeasonGenerator.DefaultSeason}}}}]}}
            """);
        _sink.Post(new GatewayDispatch("INTERACTION_CREATE", 42, document.RootElement.Clone(), TimeProvider.System.GetTimestamp()));
        return _rest.WaitForLedger(Timeout);
    }
}
