using System.Text.Json.Nodes;
using Bot.Data;
using Bot.Data.Repositories;
using Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Cli;

/// <summary>
/// import-legacy and export through the real executable, on a real SQLite file. The sample is imported and exported
/// once per fixture (what several tests read); a test that changes the database works on its own copy of that file.
/// </summary>
[Category(TestCategories.Process)]
public sealed class LegacyImportAndExportTests
{
    private const string Guild = "4242";
    private string _imported = null!;
    private CliResult _import = null!;
    private CliResult _export = null!;
    private string _folder = null!;
    private Dictionary<string, string?> _environment = null!;

    private string DatabasePath => Path.Combine(_folder, "challenge.db");

    private static string Sample => RepositoryPaths.LegacySample;

    [OneTimeSetUp]
    public async Task ImportAndExportOnce()
    {
        _imported = Directory.CreateTempSubdirectory("cli-data-imported-").FullName;
        var environment = Settings(Path.Combine(_imported, "challenge.db"));
        _import = await BotProcess.RunAsync(_imported, environment, "import-legacy", Sample, "--guild", Guild);
        _export = await BotProcess.RunAsync(_imported, environment, "export", "--guild", Guild, "--season", "2024", "--as-of", "2024-03-13");
    }

    [OneTimeTearDown]
    public void RemoveImport() => Directory.Delete(_imported, recursive: true);

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("cli-data-").FullName;
        _environment = Settings(DatabasePath);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string?> Settings(string database) => new() { ["DATABASE_PATH"] = database, ["CHALLENGE_TIME_ZONE"] = "Europe/Vienna" };

    private Task<CliResult> RunAsync(params string[] args) => BotProcess.RunAsync(_folder, _environment, args);

    /// <summary>This test's database: a copy of the one the fixture imported the sample into.</summary>
    private void CopyImported()
    {
        foreach (var file in Directory.GetFiles(_imported, "challenge.db*"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    [Test]
    public void ImportLegacy_Sample_ReportsMembersAndConstantDifferences()
    {
        Assert.That(_import.ExitCode, Is.Zero, _import.Error);
        Assert.That(_import.Output, Does.Contain("2024").And.Contain("Jonas Wagner").And.Contain("price_per_week"));
    }

    [Test]
    public void Export_AfterImport_HasMembersJokersAndNoTokens()
    {
        var result = _export;

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
    public void Export_ImportedMembersNotBackfilled_StandingsSaySyncingAndOweNothing()
    {
        var result = _export;

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
        CopyImported();

        // Members whose back-fill completed: the export's standings are computed from their activities (none here).
        await RecordBackfillsAsync();
        var export = await RunAsync("export", "--guild", Guild, "--season", "2024", "--as-of", "2024-03-13");
        var exportFile = Path.Combine(_folder, "export.json");
        await File.WriteAllTextAsync(exportFile, export.Output);

        // score reads only the file it is given: the same CliApp in process.
        var scored = await CliRunner.RunAsync("score", exportFile);

        Assert.That(scored.ExitCode, Is.Zero, scored.Error);
        JsonAssert.AreEquivalent(JsonNode.Parse(export.Output)!["standings"], JsonNode.Parse(scored.Output));
    }

    [Test]
    public async Task ImportLegacy_Twice_SecondRunChangesNothing()
    {
        CopyImported();
        var first = _export;

        var again = await RunAsync("import-legacy", Sample, "--guild", Guild);
        var second = await RunAsync("export", "--guild", Guild, "--season", "2024", "--as-of", "2024-03-13");

        Assert.That(again.ExitCode, Is.Zero, again.Error);
        Assert.That(second.Output, Is.EqualTo(first.Output));
    }

    [Test]
    public async Task ImportLegacy_FolderWithoutYears_ExitCode2OneLine()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        // The folder is read before settings or the database: the same CliApp in process.
        var result = await CliRunner.RunAsync("import-legacy", empty, "--guild", Guild);

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
        CopyImported();

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
        // Refused while parsing the command line: the same CliApp in process.
        var result = await CliRunner.RunAsync("export", "--guild", "abc", "--season", "2024");

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
