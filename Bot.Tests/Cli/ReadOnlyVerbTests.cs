using Bot.Tests.Support;

namespace Bot.Tests.Cli;

/// <summary>The verbs that only read never change the database, not even to migrate it, whatever their input.</summary>
public sealed class ReadOnlyVerbTests
{
    private string _folder = null!;

    private string DatabasePath => Path.Combine(_folder, "challenge.db");

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("read-only-verb-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Export_DatabaseNotMigrated_OneLineExitCode2AndDatabaseUnchanged()
    {
        await File.WriteAllBytesAsync(DatabasePath, []);

        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?> { ["DATABASE_PATH"] = DatabasePath }, "export", "--guild", "4242", "--season", "2024");

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain("migrations pending"));
        Assert.That(new FileInfo(DatabasePath).Length, Is.Zero, "not migrated");
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { DatabasePath }), "no journal or WAL file either");
    }
}
