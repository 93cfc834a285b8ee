using System.Text.Json.Nodes;
using Bot.Data;
using Bot.Data.Repositories;
using Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Cli;

/// <summary>import-legacy and export through the real executable, on a real SQLite file.</summary>
[Category(TestCategories.Process)]
public sealed class LegacyImportAndExportTests
{
    private const string Guild = "4242";
    private string _folder = null!;
    private Dictionary<string, string?> _environment = null!;

    private string DatabasePath => Path.Combine(_folder, "challenge.db");

    private static string Sample => RepositoryPaths.LegacySample;

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("cli-data-").FullName;
        _environment = new() { ["DATABASE_PATH"] = DatabasePath, ["CHALLENGE_TIME_ZONE"] = "Europe/Vienna" };
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private Task<CliResult> RunAsync(params string[] args) => BotProcess.RunAsync(_folder, _environment, args);

    [Test]
    public async Task ImportLegacy_Sample_ReportsMembersAndConstantDifferences()
    {
        var result = await RunAsync("import-legacy", Sample, "--guild", Guild);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Contain("2024").And.Contain("Jonas Wagner").And.Contain("price_per_week"));
    }

    [Test]
    public async Task Export_AfterImport_HasMembersJokersAndNoTokens()
    {
        await RunAsync("import-legacy", Sample, "--guild", Guild);

        var result = await RunAsync("export", "--guild", Guild, "--season", "2024", "--as-of", "2024-03-13");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Not.Contain("sample-access").And.Not.Contain("sample-refresh"));
        var export = JsonNode.Parse(result.Output)!;
        var members = export["members"]!.AsArray();
        var lukas = members.Single(m => (string?)m!["name"] == "Lukas Huber")!;
        var marie = members.Single(m => (string?)m!["name"] == "Marie Gruber")!;
        Assert.Multiple(() =>
        {
            Assert.That(lukas["joker_weeks"]!.AsArray().Select(w => (int)w!), Does.Contain(4));
            Assert.That(marie["discord_user_id"], Is.Null);
            Assert.That(export["standings"]!["members"]!.AsArray(), Has.Count.EqualTo(members.Count));
            Assert.That((int)export["rules"]!["price_per_week"]!, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Export_ImportedMembersNotBackfilled_StandingsSaySyncingAndOweNothing()
    {
        await RunAsync("import-legacy", Sample, "--guild", Guild);

        var result = await RunAsync("export", "--guild", Guild, "--season", "2024", "--as-of", "2024-03-13");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        var standings = JsonNode.Parse(result.Output)!["standings"]!["members"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(standings.Select(m => (string?)m!["state"]), Has.Exactly(4).EqualTo("syncing"));
            Assert.That(standings.Select(m => (decimal)m!["total"]!), Is.All.Zero);
            Assert.That(standings.SelectMany(m => m!["weeks"]!.AsArray()).Select(w => (string?)w!["status"]).Distinct(), Is.EquivalentTo(new[] { "syncing", "joker" }));
        });
    }

    [Test]
    public async Task Export_FedToScore_ReproducesItsStandings()
    {
        await RunAsync("import-legacy", Sample, "--guild", Guild);

        // Members whose back-fill completed: the export's standings are computed from their activities (none here).
        await RecordBackfillsAsync();
        var export = await RunAsync("export", "--guild", Guild, "--season", "2024", "--as-of", "2024-03-13");
        var exportFile = Path.Combine(_folder, "export.json");
        await File.WriteAllTextAsync(exportFile, export.Output);

        var scored = await RunAsync("score", exportFile);

        Assert.That(scored.ExitCode, Is.Zero, scored.Error);
        JsonAssert.AreEquivalent(JsonNode.Parse(export.Output)!["standings"], JsonNode.Parse(scored.Output));
    }

    [Test]
    public async Task ImportLegacy_Twice_SecondRunChangesNothing()
    {
        await RunAsync("import-legacy", Sample, "--guild", Guild);
        var first = await RunAsync("export", "--guild", Guild, "--season", "2024", "--as-of", "2024-03-13");

        var again = await RunAsync("import-legacy", Sample, "--guild", Guild);
        var second = await RunAsync("export", "--guild", Guild, "--season", "2024", "--as-of", "2024-03-13");

        Assert.That(again.ExitCode, Is.Zero, again.Error);
        Assert.That(second.Output, Is.EqualTo(first.Output));
    }

    [Test]
    public async Task ImportLegacy_FolderWithoutYears_ExitCode2OneLine()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var result = await RunAsync("import-legacy", empty, "--guild", Guild);

        AssertOneLineError(result);
    }

    [Test]
    public async Task ImportLegacy_MalformedAthletes_ExitCode2AndDatabaseUntouched()
    {
        var copy = Path.Combine(_folder, "legacy", "2024");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(Sample, "2024", "global_rules.json"), Path.Combine(copy, "global_rules.json"));
        var athletes = await File.ReadAllTextAsync(Path.Combine(Sample, "2024", "athletes.json"));
        await File.WriteAllTextAsync(Path.Combine(copy, "athletes.json"), athletes.Replace("\"expires_at\": 1710000001", "\"expires_at\": \"soon\"", StringComparison.Ordinal));

        var result = await RunAsync("import-legacy", Path.GetDirectoryName(copy)!, "--guild", Guild);

        AssertOneLineError(result);
        Assert.That(result.Error, Does.Contain("athletes.json").And.Contain("expires_at"));
        Assert.That(File.Exists(DatabasePath), Is.False, "the files are checked before the database is created");
    }

    [Test]
    public async Task Export_Help_SaysItIsTheOperatorsCompleteBackupAndAdminExportIsComputedOnly()
    {
        var result = await CliRunner.RunAsync("export", "--help");

        // Help wraps to the terminal's width: compare with the line breaks read as spaces.
        var help = System.Text.RegularExpressions.Regex.Replace(result.Output, @"\s+", " ");
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(help, Does.Contain("every member's activities").And.Contain("backup and migration tool")
            .And.Contain("host that holds the database").And.Contain("/admin export in Discord carries computed results only"));
    }

    [Test]
    public async Task Export_UnknownSeason_ExitCode2()
    {
        await RunAsync("import-legacy", Sample, "--guild", Guild);

        var result = await RunAsync("export", "--guild", Guild, "--season", "2019");

        AssertOneLineError(result);
        Assert.That(result.Error, Does.Contain("2019"));
    }

    [Test]
    public async Task Export_DatabaseFileNotSqlite_ExitCode2AndFileUnchanged()
    {
        await File.WriteAllTextAsync(DatabasePath, "these are my notes, not a database\n");

        var result = await RunAsync("export", "--guild", Guild, "--season", "2024");

        AssertOneLineError(result);
        Assert.That(await File.ReadAllTextAsync(DatabasePath), Is.EqualTo("these are my notes, not a database\n"));
    }

    [Test]
    public async Task Export_BadGuildId_ExitCode2()
    {
        var result = await RunAsync("export", "--guild", "abc", "--season", "2024");

        AssertOneLineError(result);
    }

    private async Task RecordBackfillsAsync()
    {
        await using var services = new ServiceCollection().AddChallengeData(DatabasePath).BuildServiceProvider();
        var links = services.GetRequiredService<StravaSyncRepository>();
        await using var context = await services.GetRequiredService<IDbContextFactory<ChallengeDbContext>>().CreateDbContextAsync();
        foreach (var member in await context.Members.Select(m => m.Id).ToListAsync())
        {
            await links.RecordBackfillAsync(member, new DateTime(2024, 1, 1));
        }

        SqliteConnection.ClearAllPools();
    }

    private static void AssertOneLineError(CliResult result)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Error);
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), result.Error);
            Assert.That(result.Error, Does.Not.Contain("   at "));
        });
    }
}
