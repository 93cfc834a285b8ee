using Bot.Tests.Support;

namespace Bot.Tests.Cli;

/// <summary>The verbs that only read never change the database, not even to migrate it, whatever their input.</summary>
[Category(TestCategories.Process)]
public sealed class ReadOnlyVerbTests
{
    private string _folder = null!;

    private string DatabasePath => Path.Combine(_folder, "challenge.db");

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("read-only-verb-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [TestCase("export")]
    [TestCase("picture")]
    public async Task ReadingVerb_DatabaseNotMigrated_OneLineExitCode2AndDatabaseUnchanged(string verb)
    {
        await File.WriteAllBytesAsync(DatabasePath, []);
        string[] more = verb == "picture" ? ["-o", "season.png"] : [];

        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?> { ["DATABASE_PATH"] = DatabasePath }, [verb, "--guild", "4242", "--season", "2024", .. more]);

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain("migrations pending"));
        Assert.That(new FileInfo(DatabasePath).Length, Is.Zero, "not migrated");
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { DatabasePath }), "no journal, WAL or picture file either");
    }
}
