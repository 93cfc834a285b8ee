using Bot.Data.Entities;
using Bot.Data.Legacy;
using Bot.Scoring;
using Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Data.Legacy;

/// <summary>The old bot's files into the store: all or nothing, idempotent, clear one-line errors.</summary>
[Category(TestCategories.Integration)]
public sealed class LegacyImporterTests
{
    private const long Guild = 777;
    private TempDatabase _database = null!;
    private string _scratch = null!;

    private static string Sample => RepositoryPaths.LegacySample;

    [SetUp]
    public async Task SetUp()
    {
        _database = await TempDatabase.CreateAsync();
        _scratch = Directory.CreateTempSubdirectory("legacy-").FullName;
    }

    [TearDown]
    public async Task TearDown()
    {
        await _database.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    private Task<LegacyImportReport> ImportAsync(string directory, long guild = Guild) =>
        _database.Get<LegacyImporter>().ImportAsync(directory, guild, RulesJson.Validate);

    /// <summary>A copy of the sample with one file's text changed.</summary>
    private string ModifiedSample(string file, Func<string, string> change)
    {
        var year = Path.Combine(_scratch, "data", "2024");
        Directory.CreateDirectory(year);
        foreach (var name in new[] { "athletes.json", "global_rules.json" })
        {
            var text = File.ReadAllText(Path.Combine(Sample, "2024", name));
            File.WriteAllText(Path.Combine(year, name), name == file ? change(text) : text);
        }

        return Path.GetDirectoryName(year)!;
    }

    private async Task<string> SnapshotAsync()
    {
        await using var context = await _database.CreateContextAsync();
        var members = await context.Members.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => $"{m.Id}|{m.DiscordUserId}|{m.StravaAthleteId}|{m.FirstName}|{m.LastName}|{m.AccessToken}|{m.RefreshToken}|{m.LinkState}")
            .ToListAsync();
        var participations = await context.Participations.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => $"{p.Id}|{p.ChallengeId}|{p.MemberId}|{p.ConsentToReports}|{p.JokersLeft}|{p.LegacyConstantsJson}")
            .ToListAsync();
        var jokers = await context.JokerWeeks.AsNoTracking().OrderBy(j => j.ParticipationId).ThenBy(j => j.Week)
            .Select(j => $"{j.ParticipationId}|{j.Week}").ToListAsync();
        var results = await context.LegacyWeekResults.AsNoTracking().OrderBy(r => r.ParticipationId).ThenBy(r => r.Week)
            .Select(r => $"{r.ParticipationId}|{r.Week}|{r.Result}").ToListAsync();
        var challenges = await context.Challenges.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Id}|{c.GuildId}|{c.SeasonYear}|{c.RulesJson}").ToListAsync();
        return string.Join("\n", members.Concat(participations).Concat(jokers).Concat(results).Concat(challenges));
    }

    [Test]
    public async Task ImportAsync_Sample_CreatesSeasonWithItsRules()
    {
        await ImportAsync(Sample);

        await using var context = await _database.CreateContextAsync();
        var challenge = await context.Challenges.SingleAsync();
        var rules = RulesJson.Parse(challenge.RulesJson);
        Assert.That((challenge.GuildId, challenge.SeasonYear, rules.PricePerWeek, rules.ToleranceMinutes, rules.Jokers, rules.SportMinutes["Run"]),
            Is.EqualTo((Guild, 2024, 5m, 3m, 1, 30m)));
    }

    [Test]
    public async Task ImportAsync_Sample_MembersLinkedConsentingWithTokensAndNames()
    {
        await ImportAsync(Sample);

        await using var context = await _database.CreateContextAsync();
        var members = await context.Members.Include(m => m.Participations).OrderBy(m => m.StravaAthleteId).ToListAsync();
        Assert.That(members.Select(m => $"{m.FirstName} {m.LastName}"), Is.EqualTo(new[] { "Anna Berger", "Lukas Huber", "Marie Gruber", "Jonas Wagner" }));
        Assert.That(members.All(m => m.LinkState == LinkState.Linked && m.RefreshToken != null && m.Participations.Single().ConsentToReports), Is.True);
    }

    [Test]
    public async Task ImportAsync_LukasSpentJokerInWeek4_JokerWeekAndNoneLeft()
    {
        await ImportAsync(Sample);

        await using var context = await _database.CreateContextAsync();
        var lukas = await context.Participations.Include(p => p.JokerWeeks).SingleAsync(p => p.Member.FirstName == "Lukas");
        Assert.That((lukas.JokersLeft, lukas.JokerWeeks.Select(j => j.Week).ToArray()), Is.EqualTo((0, new[] { 4 })));
    }

    [Test]
    public async Task ImportAsync_MarieWithoutDiscordId_ImportedWithoutOne()
    {
        var report = await ImportAsync(Sample);

        await using var context = await _database.CreateContextAsync();
        var marie = await context.Members.SingleAsync(m => m.FirstName == "Marie");
        Assert.That(marie.DiscordUserId, Is.Null);
        Assert.That(report.Lines, Has.Some.Contains("Marie Gruber"));
    }

    [Test]
    public async Task ImportAsync_JonasOlderPrice_ReportedAndConstantsKept()
    {
        var report = await ImportAsync(Sample);

        await using var context = await _database.CreateContextAsync();
        var jonas = await context.Participations.SingleAsync(p => p.Member.FirstName == "Jonas");
        Assert.That(report.Lines, Has.Some.Contains("Jonas Wagner").And.Some.Contains("price_per_week 4"));
        Assert.That(jonas.LegacyConstantsJson, Does.Contain("\"price_per_week\": 4"));
    }

    [Test]
    public async Task ImportAsync_WeekResultsOutOfOrder_AllKeptByWeek()
    {
        await ImportAsync(Sample);

        await using var context = await _database.CreateContextAsync();
        var anna = await context.LegacyWeekResults.Where(r => r.Participation.Member.FirstName == "Anna").OrderBy(r => r.Week).ToListAsync();
        Assert.That(anna.Select(r => (r.Week, r.Result)), Is.EqualTo(new[]
        {
            (1, LegacyWeekOutcome.Passed), (2, LegacyWeekOutcome.Passed), (3, LegacyWeekOutcome.Passed), (4, LegacyWeekOutcome.Failed),
            (5, LegacyWeekOutcome.Failed), (6, LegacyWeekOutcome.Failed), (7, LegacyWeekOutcome.Passed), (8, LegacyWeekOutcome.Failed),
            (9, LegacyWeekOutcome.Passed), (10, LegacyWeekOutcome.Failed),
        }));
    }

    [Test]
    public async Task ImportAsync_Twice_SecondChangesNothing()
    {
        await ImportAsync(Sample);
        var before = await SnapshotAsync();

        var second = await ImportAsync(Sample);

        Assert.That((second.Changes, await SnapshotAsync()), Is.EqualTo((0, before)));
    }

    [Test]
    public async Task ImportAsync_MalformedWeekResult_OneLineWithFileAndPathAndNothingWritten()
    {
        await ImportAsync(Sample);
        var before = await SnapshotAsync();
        var directory = ModifiedSample("athletes.json", text => text.Replace("\"4_2\"", "\"4-2\"", StringComparison.Ordinal));

        var exception = Assert.ThrowsAsync<LegacyImportException>(() => ImportAsync(directory, Guild + 1))!;

        Assert.That(exception.Message, Does.Contain("athletes.json").And.Contain(".vars.week_results[").And.Contain("4-2"));
        Assert.That(exception.Message, Does.Not.Contain('\n'));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task ImportAsync_InvalidRules_NamesOldKeyAndNothingWritten()
    {
        var directory = ModifiedSample("global_rules.json", text => text.Replace("\"PRICE_PER_WEEK\": 5", "\"PRICE_PER_WEEK\": -5", StringComparison.Ordinal));

        var exception = Assert.ThrowsAsync<LegacyImportException>(() => ImportAsync(directory))!;

        Assert.That(exception.Message, Does.Contain("global_rules.json").And.Contain("$.constants.PRICE_PER_WEEK").And.Contain("negative"));
        Assert.That(await SnapshotAsync(), Is.Empty);
    }

    [Test]
    public async Task ImportAsync_UnknownRulesKey_Rejected()
    {
        var directory = ModifiedSample("global_rules.json", text => text.Replace("\"JOKER\": 1", "\"JOKERS\": 1", StringComparison.Ordinal));

        var exception = Assert.ThrowsAsync<LegacyImportException>(() => ImportAsync(directory))!;

        Assert.That(exception.Message, Does.Contain("$.constants.JOKERS").And.Contain("unknown"));
    }

    [Test]
    public async Task ImportAsync_WrongTypeAtPath_NamesPath()
    {
        var directory = ModifiedSample("athletes.json", text => text.Replace("\"expires_at\": 1710000001", "\"expires_at\": \"later\"", StringComparison.Ordinal));

        var exception = Assert.ThrowsAsync<LegacyImportException>(() => ImportAsync(directory))!;

        Assert.That(exception.Message, Does.Contain("$[1].strava_data.expires_at"));
        Assert.That(await SnapshotAsync(), Is.Empty);
    }

    [Test]
    public async Task ImportAsync_InvalidJson_NamesFileAndLine()
    {
        var directory = ModifiedSample("athletes.json", text => text[..200]);

        var exception = Assert.ThrowsAsync<LegacyImportException>(() => ImportAsync(directory))!;

        Assert.That(exception.Message, Does.Contain("athletes.json").And.Contain("line"));
    }

    [Test]
    public async Task ImportAsync_YearFolderMissingFile_Rejected()
    {
        var year = Directory.CreateDirectory(Path.Combine(_scratch, "data", "2023")).FullName;
        File.Copy(Path.Combine(Sample, "2024", "athletes.json"), Path.Combine(year, "athletes.json"));

        var exception = Assert.ThrowsAsync<LegacyImportException>(() => ImportAsync(Path.GetDirectoryName(year)!))!;

        Assert.That(exception.Message, Does.Contain("global_rules.json").And.Contain("missing"));
    }

    [Test]
    public async Task ImportAsync_NoYearFolders_Rejected()
    {
        var exception = Assert.ThrowsAsync<LegacyImportException>(() => ImportAsync(_scratch))!;

        Assert.That(exception.Message, Does.Contain("no year folders"));
        Assert.That(await SnapshotAsync(), Is.Empty);
    }

    [Test]
    public void ImportAsync_MissingDirectory_Rejected()
    {
        var exception = Assert.ThrowsAsync<LegacyImportException>(() => ImportAsync(Path.Combine(_scratch, "nope")))!;

        Assert.That(exception.Message, Does.Contain("no such directory"));
    }

    [Test]
    public async Task ImportAsync_TwoYearFolders_BothSeasonsInOneImport()
    {
        var data = Path.Combine(_scratch, "data");
        foreach (var year in new[] { "2023", "2024" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(data, year)).FullName;
            foreach (var name in new[] { "athletes.json", "global_rules.json" })
            {
                File.Copy(Path.Combine(Sample, "2024", name), Path.Combine(folder, name));
            }
        }

        await ImportAsync(data);

        await using var context = await _database.CreateContextAsync();
        Assert.That((await context.Challenges.CountAsync(), await context.Members.CountAsync(), await context.Participations.CountAsync()),
            Is.EqualTo((2, 4, 8)));
    }
}
