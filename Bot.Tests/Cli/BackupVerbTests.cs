using Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Cli;

/// <summary>The <c>backup</c> verb in the real process: a consistent copy of a live WAL database, or one clear line.</summary>
[Category(TestCategories.Process)]
public sealed class BackupVerbTests
{
    private TempDatabase _database = null!;

    [SetUp]
    public async Task SetUp() => _database = await TempDatabase.CreateAsync();

    [TearDown]
    public async Task TearDown()
    {
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
    }

    private Task<CliResult> BackupAsync(string destination) =>
        BotProcess.RunAsync(_database.Directory, new Dictionary<string, string?> { ["DATABASE_PATH"] = _database.Path }, "backup", destination);

    [Test]
    public async Task Backup_RowsStillOnlyInTheWal_CopyHasThemWhereAFileCopyDoesNot()
    {
        // A writer that has committed 200 rows the main file does not hold yet (no checkpoint), and stays open, as the bot does.
        using var writer = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        writer.Open();
        Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA wal_autocheckpoint=0;");
        for (var i = 0; i < 200; i++)
        {
            Execute(writer, $"INSERT INTO app_settings (key, value) VALUES ('k{i}', 'v{i}');");
        }

        var fileCopy = Path.Combine(_database.Directory, "naive-copy.db");
        File.Copy(_database.Path, fileCopy);
        var backup = Path.Combine(_database.Directory, "backup.db");

        var result = await BackupAsync(backup);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        using var copy = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False");
        copy.Open();
        Assert.Multiple(() =>
        {
            Assert.That(Scalar(copy, "SELECT count(*) FROM app_settings WHERE key LIKE 'k%';"), Is.EqualTo(200L));
            Assert.That(Scalar(copy, "PRAGMA integrity_check;"), Is.EqualTo("ok"));
            Assert.That(Scalar(copy, "PRAGMA journal_mode;"), Is.EqualTo("delete"), "one self-contained file");
            Assert.That(File.Exists(backup + "-wal"), Is.False);
            Assert.That(CountInNaiveCopy(fileCopy), Is.LessThan(200L), "a plain file copy of a live WAL database misses committed rows");
            Assert.That(result.Output, Does.Contain("integrity ok"));
        });
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(backup), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "owner-only: it holds tokens");
        }
    }

    [Test]
    public async Task Backup_DestinationExists_OneLineAndFileUntouched()
    {
        var destination = Path.Combine(_database.Directory, "exists.db");
        await File.WriteAllTextAsync(destination, "keep me");

        var result = await BackupAsync(destination);

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain("already exists"));
        Assert.That(await File.ReadAllTextAsync(destination), Is.EqualTo("keep me"));
    }

    [Test]
    public async Task Backup_DatabaseIsNotSqlite_OneLineAndNoFileLeft()
    {
        await File.WriteAllTextAsync(_database.Path + ".txt", "not a database at all, just some text that is long enough");
        var destination = Path.Combine(_database.Directory, "out.db");

        var result = await BotProcess.RunAsync(_database.Directory, new Dictionary<string, string?> { ["DATABASE_PATH"] = _database.Path + ".txt" }, "backup", destination);

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain("not a readable SQLite database").And.Not.Contain("   at "));
        Assert.That(Directory.GetFiles(_database.Directory, "*out.db*"), Is.Empty, "no partial copy left behind");
    }

    [Test]
    public async Task Backup_NoDatabase_OneLine()
    {
        var result = await BotProcess.RunAsync(_database.Directory, new Dictionary<string, string?> { ["DATABASE_PATH"] = Path.Combine(_database.Directory, "missing.db") }, "backup", "x.db");

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain("no database at"));
    }

    [Test]
    public async Task Backup_OnlyStateDirectorySet_FindsTheDatabaseInIt()
    {
        // As under systemd with StateDirectory=: no DATABASE_PATH, the working directory elsewhere.
        var elsewhere = Directory.CreateTempSubdirectory("bot-cwd-").FullName;
        try
        {
            var backup = Path.Combine(elsewhere, "b.db");
            var result = await BotProcess.RunAsync(elsewhere, new Dictionary<string, string?> { ["STATE_DIRECTORY"] = _database.Directory }, "backup", backup);

            Assert.That(result.ExitCode, Is.Zero, result.Error);
            Assert.That(result.Output, Does.Contain(_database.Path));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [TestCase(null, "challenge.db")]
    [TestCase("", "challenge.db")]
    [TestCase("/var/lib/challengebot", "/var/lib/challengebot/challenge.db")]
    [TestCase("/var/lib/challengebot:/var/lib/other", "/var/lib/challengebot/challenge.db")]
    public void DefaultDatabasePath_StateDirectory_FirstFolderOrWorkingDirectory(string? stateDirectory, string expected) =>
        Assert.That(Bot.Configuration.StorageOptions.DefaultDatabasePath(stateDirectory), Is.EqualTo(expected));

    private static long CountInNaiveCopy(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return (long)Scalar(connection, "SELECT count(*) FROM app_settings WHERE key LIKE 'k%';")!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
