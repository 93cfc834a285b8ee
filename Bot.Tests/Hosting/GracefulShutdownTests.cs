using System.Globalization;
using Bot.Testing.Generation;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Hosting;

/// <summary>
/// SIGTERM to the real bot process while /total tallies and /joker writes are in flight: every
/// interaction it received is answered, the gateway closes with 1000, the process exits 0, and the
/// database is whole, checkpointed (no WAL left) and holds exactly the jokers it reported spent.
/// </summary>
[Category(TestCategories.Process)]
public sealed class GracefulShutdownTests
{
    private const long Guild = 4545;
    private const int Members = 400;
    private const int Totals = 6;
    private const int Jokers = 12;

    [Test]
    [CancelAfter(180_000)]
    public async Task Sigterm_MidTotalAndJoker_AllAnsweredGatewayClosed1000AndDatabaseCheckpointed()
    {
        await using var world = await BotWorld.CreateAsync("sigterm");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var season = ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue));
        var weeks = Math.Max(1, ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)) - 1);
        await WorldBuilder.For(world.Database).Challenge(Guild, season).Generated(CompactSeasonGenerator.Generate(Members, season, weeks, perWeek: 8)).SeedAsync();
        var bot = world.Start(strava: false);
        var discord = world.Discord;
        await Eventually.ThatAsync(() => discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", TimeSpan.FromSeconds(60));
        var connection = discord.Connections[^1];
        var tokens = SendTotalsAndJokers(connection);

        // Mid-flight: the first acknowledgement is out, the answers are not all in.
        await Eventually.ThatAsync(() => discord.RestRequests.Any(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)), "a first defer", TimeSpan.FromSeconds(30));
        var answeredBeforeSignal = tokens.Count(t => Answered(discord, t.Token));
        var exited = await bot.SigtermAsync(TimeSpan.FromSeconds(40));
        var log = await bot.LogAsync();

        var unanswered = tokens.Where(t => !Answered(discord, t.Token)).Select(t => t.Token).ToList();
        var spent = tokens.Where(t => t.Command == "joker" && discord.RestRequests.Any(r => r.Method == "PATCH" && r.IsFor(t.Token) && r.Body.Contains("Joker spent", StringComparison.Ordinal)))
            .Select(t => t.User).ToList();
        TestContext.Out.WriteLine($"answered before SIGTERM: {answeredBeforeSignal} of {tokens.Count}; exited {exited.TotalSeconds:F1} s after SIGTERM");
        Assert.Multiple(() =>
        {
            Assert.That(answeredBeforeSignal, Is.LessThan(tokens.Count), "the signal came with work in flight");
            Assert.That(bot.Process.ExitCode, Is.Zero, log);
            Assert.That(unanswered, Is.Empty, "every interaction received was answered before the exit");
            Assert.That(connection.ClientCloseCode, Is.EqualTo(1000), "the gateway closed normally");
            Assert.That(log, Does.Contain("database checkpointed"));
            Assert.That(File.Exists(world.Database + "-wal") ? new FileInfo(world.Database + "-wal").Length : 0, Is.Zero, "the WAL was written back");
        });
        AssertJokersStoredOnce(world.Database, spent);
    }

    /// <summary>Dispatches the /total and /joker interactions at once, a /total every third until there are enough; returns what went out.</summary>
    private static List<(string Token, string Command, long User)> SendTotalsAndJokers(FakeGatewayConnection connection)
    {
        var tokens = new List<(string Token, string Command, long User)>();
        for (var i = 0; i < Totals + Jokers; i++)
        {
            var command = i % 3 == 0 && tokens.Count(t => t.Command == "total") < Totals ? "total" : "joker";
            var user = 500_000L + i;
            var token = $"sigterm-token-{i}";
            connection.SendDispatch("INTERACTION_CREATE", $$$"""
                {"id":"{{{9_100_000 + i}}}","application_id":"111","type":2,"token":"{{{token}}}","version":1,"channel_id":"77","guild_id":"{{{Guild}}}",
                 "member":{"user":{"id":"{{{user}}}","username":"m{{{i}}}"},"permissions":"0"},
                 "data":{"id":"1","name":"{{{command}}}","type":1,"options":[]}}
                """);
            tokens.Add((token, command, user));
        }

        return tokens;
    }

    /// <summary>The file is whole and holds each joker reported spent exactly once.</summary>
    private static void AssertJokersStoredOnce(string database, List<long> spent)
    {
        SqliteConnection.ClearAllPools();
        using var check = new SqliteConnection($"Data Source={database};Pooling=False");
        check.Open();
        Assert.That(Scalar(check, "PRAGMA integrity_check;"), Is.EqualTo("ok"));
        var stored = Scalar(check, $"SELECT count(*) FROM joker_weeks j JOIN participations p ON p.id = j.participation_id JOIN members m ON m.id = p.member_id WHERE m.discord_user_id IN ({string.Join(',', spent)});");
        Assert.That((stored, spent.Count), Is.EqualTo(((long)spent.Count, Jokers)), "each joker reported spent is stored, once");
    }

    private static bool Answered(FakeDiscordGateway discord, string token) =>
        discord.RestRequests.Any(r => r.Method == "PATCH" && r.IsFor(token));

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
