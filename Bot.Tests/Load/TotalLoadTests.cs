using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bot.Data;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Standings;
using Bot.Testing.Generation;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Load;

/// <summary>
/// The load test, sized for a 2-core CI machine: 200 <c>/total</c> for a 1,000-member
/// season arriving over 10 s at the real bot process, while the fake gateway stamps heartbeats.
/// Asserted: every defer within 3 s, every answer with the right pot, heartbeats within interval + 1 s.
/// Reported: defer p50/p99/max and the worst heartbeat lateness (the targets: p99 &lt; 250 ms, 50 ms).
/// </summary>
[NonParallelizable]
[Category(TestCategories.Load)]
public sealed class TotalLoadTests
{
    private const long Guild = 4343;
    private static readonly int Season = ISOWeek.GetYear(DateTime.UtcNow);
    private const int Members = 1_000;
    private const int RunsPerWeek = 8;
    private const int Interactions = 200;
    private const int HeartbeatIntervalMs = 1000;
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DeferBound = TimeSpan.FromSeconds(3);

    private string _folder = null!;
    private string _database = null!;
    private FakeDiscordGateway _discord = null!;
    private Process? _bot;
    private Task<string>? _output;
    private Task<string>? _error;

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("bot-load-").FullName;
        _database = Path.Combine(_folder, "bot.db");
        _discord = FakeDiscordGateway.Start(HeartbeatIntervalMs);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_bot is not null)
        {
            if (!_bot.HasExited)
            {
                _bot.Kill(entireProcessTree: true);
            }

            await _bot.WaitForExitAsync();
            await Task.WhenAll(_output!, _error!);
            _output?.Dispose();
            _error?.Dispose();
            _bot.Dispose();
        }

        _discord.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Total_200InteractionsOver10Seconds_AllDeferredInTimeAndAnsweredWithThePot()
    {
        var clock = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var weeks = today.Year == Season ? Math.Max(1, ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)) - 1) : 52;
        var activities = (await WorldBuilder.For(_database).Challenge(Guild, Season).Generated(CompactSeasonGenerator.Generate(Members, Season, weeks, RunsPerWeek)).SeedAsync()).Activities;
        var seeded = clock.Elapsed;
        // The expected pot is scored while the bot starts (both only read the file); the load begins once both are done.
        var expected = Task.Run(ExpectedAsync);
        var connection = await StartBotAsync();
        var ready = clock.Elapsed;
        var pot = Money.Format((await expected).Members.Where(m => !m.HasError).Sum(m => m.Total), "€");
        var sent = await SendSpreadAsync(connection);
        var loadEnd = Stopwatch.GetTimestamp();

        await Eventually.ThatAsync(() => sent.All(s => Answered(s.Token)), "every /total answered with the pot", TimeSpan.FromSeconds(60));
        var (latencies, failures) = Check(sent, pot);
        var beats = connection.FramesOp(1).Select(f => f.Timestamp).ToList();
        var gaps = beats.Zip(beats.Skip(1), (a, b) => (At: b, Gap: Stopwatch.GetElapsedTime(a, b).TotalMilliseconds)).ToList();
        var duringLoad = gaps.Where(g => g.At >= sent[0].At && g.At <= loadEnd + Stopwatch.Frequency * 5).ToList();
        var maxGap = gaps.Max(g => g.Gap);
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"""
            seeded {Members} members × {weeks} weeks = {activities} activities in {seeded.TotalSeconds:F1} s; expected pot {pot}; bot ready {(ready - seeded).TotalSeconds:F1} s later
            defer latency over {latencies.Count} interactions: p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies.LastOrDefault():F1} ms (target p99 < 250 ms)
            heartbeats: {gaps.Count} gaps ({duringLoad.Count} during the load), max gap {maxGap:F1} ms, max lateness {maxGap - HeartbeatIntervalMs:F1} ms (target < 50 ms); load phase max lateness {(duringLoad.Count > 0 ? duringLoad.Max(g => g.Gap) - HeartbeatIntervalMs : 0):F1} ms
            whole test {clock.Elapsed.TotalSeconds:F1} s
            """));

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(latencies, Has.Count.EqualTo(Interactions));
            Assert.That(duringLoad, Is.Not.Empty, "heartbeats measured during the load");
            Assert.That(maxGap, Is.LessThan(HeartbeatIntervalMs + 1000), "heartbeat gap (sanity bound: interval + 1 s)");
        });
    }

    /// <summary>Starts the bot on the seeded database; returns its gateway connection once commands are registered and it beats.</summary>
    private async Task<FakeGatewayConnection> StartBotAsync()
    {
        _bot = Process.Start(BotProcess.StartInfo(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "load-secret-token",
            ["DISCORD_API_BASE_URL"] = _discord.ApiBaseUrl.ToString(),
            ["DATABASE_PATH"] = _database,
            ["CHALLENGE_TIME_ZONE"] = "UTC",
        }))!;
        _output = _bot.StandardOutput.ReadToEndAsync();
        _error = _bot.StandardError.ReadToEndAsync();
        await Eventually.ThatAsync(() => _discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", TimeSpan.FromSeconds(60));
        var connection = _discord.Connections[^1];
        await Eventually.ThatAsync(() => connection.FramesOp(1).Count() >= 2, "the first heartbeats", TimeSpan.FromSeconds(10));
        return connection;
    }

    /// <summary>
    /// Each interaction: one type-5 defer within the bound, the edit of the original, and a ledger with the pot and the
    /// last member. Returns the defer latencies (sorted, ms) and what failed.
    /// </summary>
    private (List<double> Latencies, List<string> Failures) Check(List<(string Token, long At)> sent, string pot)
    {
        var requests = _discord.RestRequests;
        var latencies = new List<double>();
        var failures = new List<string>();
        foreach (var (token, at) in sent)
        {
            var mine = requests.Where(r => r.IsFor(token)).ToList();
            var defer = mine.SingleOrDefault(r => r.Method == "POST" && r.Path.EndsWith("/callback", StringComparison.Ordinal));
            if (defer is null || CallbackType(defer.Body) != 5)
            {
                failures.Add($"{token}: no type-5 defer");
                continue;
            }

            var latency = Stopwatch.GetElapsedTime(at, defer.Timestamp);
            latencies.Add(latency.TotalMilliseconds);
            if (latency > DeferBound)
            {
                failures.Add($"{token}: deferred after {latency.TotalMilliseconds:F0} ms");
            }

            if (!mine.Any(r => r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal)))
            {
                failures.Add($"{token}: no PATCH @original");
            }

            var ledger = string.Concat(mine.Where(IsFollowup).Select(r => Text(r.Body)));
            if (!ledger.Contains($"Pot: {pot}", StringComparison.Ordinal) || !ledger.Contains("Member0999 Load", StringComparison.Ordinal))
            {
                failures.Add($"{token}: the ledger lacks the pot {pot} or a member");
            }
        }

        latencies.Sort();
        return (latencies, failures);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static bool IsFollowup(FakeRestRequest request) =>
        request.Method == "POST" && request.Path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal);

    private static int CallbackType(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("type").GetInt32();
    }

    /// <summary>The embeds' descriptions of one message, decoded.</summary>
    private static string Text(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("embeds", out var embeds)
            ? string.Concat(embeds.EnumerateArray().Select(e => e.GetProperty("description").GetString() + "\n"))
            : "";
    }

    /// <summary>Sends on a timed schedule from a dedicated thread, so the test's own pool cannot skew the arrival times.</summary>
    private static async Task<List<(string Token, long At)>> SendSpreadAsync(FakeGatewayConnection connection)
    {
        var sent = new List<(string Token, long At)>(Interactions);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < Interactions; i++)
                {
                    var due = Spread * i / Interactions;
                    var wait = due - Stopwatch.GetElapsedTime(start);
                    if (wait > TimeSpan.Zero)
                    {
                        Thread.Sleep(wait);
                    }

                    var id = 8_000_000 + i;
                    var token = $"load-token-{id}";
                    var at = Stopwatch.GetTimestamp();
                    connection.SendDispatch("INTERACTION_CREATE", $$$"""
                        {"id":"{{{id}}}","application_id":"111","type":2,"token":"{{{token}}}","version":1,"channel_id":"77","guild_id":"{{{Guild}}}",
                         "member":{"user":{"id":"{{{500_000 + i}}}","username":"m{{{i}}}"},"permissions":"0"},
                         "data":{"id":"1","name":"total","type":1,"options":[]}}
                        """);
                    sent.Add((token, at));
                }

                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        })
        { IsBackground = true, Name = "load-sender" };
        thread.Start();
        await done.Task;
        return sent;
    }

    private bool Answered(string token) => _discord.RestRequests.Any(r =>
        IsFollowup(r) && r.IsFor(token) && r.Body.Contains("Pot:", StringComparison.Ordinal));

    private async Task<SeasonStandings> ExpectedAsync()
    {
        await using var services = new ServiceCollection().AddChallengeData(_database).AddSingleton<StandingsService>().BuildServiceProvider();
        var challenge = (await services.GetRequiredService<ChallengeRepository>().GetAsync(Guild, Season))!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return SeasonScorer.Score(await services.GetRequiredService<StandingsService>().LoadAsync(challenge, today));
    }
}
