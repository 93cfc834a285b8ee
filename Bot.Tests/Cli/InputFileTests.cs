using System.Diagnostics;
using Bot.Tests.Support;

namespace Bot.Tests.Cli;

/// <summary>
/// The verbs read only regular files within a stated size: a FIFO (which would block a plain open for ever), a
/// directory, /dev/zero (which never ends) and an oversize file get one line and exit code 2, at once, through the
/// real executable. The 30 s limit is a hang check, not a timing: a refusal takes well under a second.
/// </summary>
[Category(TestCategories.Process)]
public sealed class InputFileTests
{
    private const string Guild = "4242";
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);
    private string _folder = null!;
    private Dictionary<string, string?> _environment = null!;

    private string DatabasePath => Path.Combine(_folder, "challenge.db");

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("cli-input-").FullName;
        _environment = new() { ["DATABASE_PATH"] = DatabasePath, ["CHALLENGE_TIME_ZONE"] = "Europe/Vienna" };
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private Task<CliResult> RunAsync(params string[] args) => BotProcess.RunAsync(_folder, _environment, HangLimit, args);

    [TestCase("fifo", "named pipe")]
    [TestCase("directory", "a directory")]
    [TestCase("dev-zero", "character device")]
    [TestCase("oversize", "over the limit of 64 MiB")]
    public async Task Score_NotARegularFileOrTooLarge_OneLineAndExitCode2(string kind, string mention)
    {
        var path = Make(kind, Path.Combine(_folder, "case.json"), 64 * 1024 * 1024);

        var result = await RunAsync("score", path);

        AssertRefused(result, mention);
    }

    [TestCase("athletes.json", "fifo", "named pipe")]
    [TestCase("athletes.json", "directory", "a directory")]
    [TestCase("athletes.json", "dev-zero", "character device")]
    [TestCase("athletes.json", "oversize", "over the limit of 64 MiB")]
    [TestCase("global_rules.json", "fifo", "named pipe")]
    [TestCase("global_rules.json", "oversize", "over the limit of 1 MiB")]
    public async Task ImportLegacy_FileNotRegularOrTooLarge_OneLineExitCode2AndNoDatabase(string file, string kind, string mention)
    {
        var year = Directory.CreateDirectory(Path.Combine(_folder, "legacy", "2024")).FullName;
        foreach (var name in new[] { "athletes.json", "global_rules.json" })
        {
            File.Copy(Path.Combine(RepositoryPaths.LegacySample, "2024", name), Path.Combine(year, name));
        }

        File.Delete(Path.Combine(year, file));
        Make(kind, Path.Combine(year, file), file == "athletes.json" ? 64 * 1024 * 1024 : 1024 * 1024);

        var result = await RunAsync("import-legacy", Path.GetDirectoryName(year)!, "--guild", Guild);

        AssertRefused(result, mention);
        Assert.That(result.Error, Does.Contain(file));
        Assert.That(File.Exists(DatabasePath), Is.False, "nothing created");
    }

    [Test]
    public async Task ImportLegacy_NoSuchFolder_OneLineExitCode2AndNoDatabaseCreated()
    {
        var result = await RunAsync("import-legacy", Path.Combine(_folder, "nonexistent"), "--guild", Guild);

        AssertRefused(result, "no such directory");
        Assert.That(File.Exists(DatabasePath), Is.False, "the input is checked before the database is created or migrated");
    }

    [TestCase("fifo", "named pipe")]
    [TestCase("dev-zero", "character device")]
    public async Task ExportAndBackup_DatabasePathNotARegularFile_OneLineAndExitCode2(string kind, string mention)
    {
        Make(kind, DatabasePath, 0);

        var export = await RunAsync("export", "--guild", Guild, "--season", "2024");
        var backup = await RunAsync("backup", Path.Combine(_folder, "copy.db"));

        AssertRefused(export, mention);
        AssertRefused(backup, mention);
        Assert.That(File.Exists(Path.Combine(_folder, "copy.db")), Is.False);
    }

    [Test]
    public async Task CheckConfig_DotEnvIsAFifo_OneLineAndExitCode2()
    {
        Make("fifo", Path.Combine(_folder, ".env"), 0);

        var result = await RunAsync("check-config");

        AssertRefused(result, "named pipe");
        Assert.That(result.Error, Does.Contain(".env"));
    }

    /// <summary>Puts the kind of input at <paramref name="path"/>; "oversize" is one byte over <paramref name="limit"/>, sparse.</summary>
    private static string Make(string kind, string path, long limit)
    {
        switch (kind)
        {
            case "fifo":
                using (var mkfifo = Process.Start("mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                    Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo");
                }

                break;
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "dev-zero":
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            case "oversize":
                using (var file = new FileStream(path, FileMode.CreateNew))
                {
                    file.SetLength(limit + 1);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return path;
    }

    private static void AssertRefused(CliResult result, string mention)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
            Assert.That(result.Output, Is.Empty);
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), result.Error);
            Assert.That(result.Error, Does.Contain(mention).And.Not.Contain("   at "));
        });
    }
}
