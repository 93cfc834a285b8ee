using System.Text.RegularExpressions;
using Bot.Tests.Pictures;
using Bot.Tests.Support;

namespace Bot.Tests.Cli;

/// <summary>
/// The picture verb through the real executable: the season or a week drawn from a real SQLite file to a PNG; bad input
/// writes nothing. The legacy sample is imported once per fixture and each test draws from its own copy of that file;
/// refusals decided before the database is opened (the output path, the season's range) run the same command line in process.
/// </summary>
[Category(TestCategories.Process)]
public sealed partial class PictureVerbTests
{
    private const string Guild = "4242";
    private string _imported = null!;
    private string _folder = null!;
    private Dictionary<string, string?> _environment = null!;

    private string DatabasePath => Path.Combine(_folder, "challenge.db");

    private string PicturePath => Path.Combine(_folder, "season.png");

    [OneTimeSetUp]
    public async Task ImportOnce()
    {
        _imported = Directory.CreateTempSubdirectory("cli-picture-imported-").FullName;
        var import = await BotProcess.RunAsync(_imported, Settings(Path.Combine(_imported, "challenge.db")), "import-legacy", RepositoryPaths.LegacySample, "--guild", Guild);
        Assert.That(import.ExitCode, Is.Zero, import.Error);
    }

    [OneTimeTearDown]
    public void RemoveImport() => Directory.Delete(_imported, recursive: true);

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("cli-picture-").FullName;
        _environment = Settings(DatabasePath);
        foreach (var file in Directory.GetFiles(_imported, "challenge.db*"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string?> Settings(string database) => new() { ["DATABASE_PATH"] = database, ["CHALLENGE_TIME_ZONE"] = "Europe/Vienna" };

    private Task<CliResult> RunAsync(params string[] args) => BotProcess.RunAsync(_folder, _environment, args);

    [TestCase(new string[0], "season 2024 as of")]
    [TestCase(new[] { "--week", "10" }, "season 2024 week 10 as of")]
    public async Task Picture_ImportedSeason_WritesThePngItDescribes(string[] week, string mention)
    {
        var result = await RunAsync(["picture", "--guild", Guild, "--season", "2024", .. week, "-o", PicturePath]);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Contain(mention));
        var size = Size().Match(result.Output);
        using var picture = GoldenImages.Decode(await File.ReadAllBytesAsync(PicturePath));
        Assert.That((picture.Width, picture.Height), Is.EqualTo((int.Parse(size.Groups[1].Value), int.Parse(size.Groups[2].Value))), result.Output);
        Assert.That(Directory.GetFiles(_folder, "*.partial"), Is.Empty);
    }

    [Test]
    public async Task Picture_ExistingFile_IsReplaced()
    {
        await File.WriteAllTextAsync(PicturePath, "old");

        var result = await RunAsync("picture", "--guild", Guild, "--season", "2024", "-o", PicturePath);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(GoldenImages.Decode(await File.ReadAllBytesAsync(PicturePath)).Width, Is.GreaterThan(0));
    }

    [TestCase("--season", "2023", "guild 4242 has no challenge for season 2023")]
    [TestCase("--guild", "999", "guild 999 has no challenge for season 2024")]
    [TestCase("--week", "53", "--week 53: season 2024 has weeks 1..52")]
    [TestCase("--week", "0", "--week 0: season 2024 has weeks 1..52")]
    public async Task Picture_NoSuchGuildSeasonOrWeek_OneLineExitCode2AndNoFile(string option, string value, string expected)
    {
        var arguments = new Dictionary<string, string> { ["--guild"] = Guild, ["--season"] = "2024", [option] = value };

        var result = await RunAsync(["picture", .. arguments.SelectMany(a => new[] { a.Key, a.Value }), "-o", PicturePath]);

        AssertRefused(result, expected);
    }

    [Test]
    public async Task Picture_SeasonOutOfRange_OneLineExitCode2AndNoFile()
    {
        // Refused while parsing the command line, before the database: the same CliApp in process.
        var result = await CliRunner.RunAsync("picture", "--guild", Guild, "--season", "0", "-o", PicturePath);

        AssertRefused(result, "--season 0 is not a season year (1..9998)");
    }

    [TestCase("missing-folder/season.png", "its folder does not exist")]
    [TestCase(".", "it is a directory")]
    [TestCase("challenge.db/season.png", "its folder does not exist")]
    public async Task Picture_UnwritablePath_OneLineExitCode2AndNoFile(string path, string mention)
    {
        // The path is checked before settings or the database are read: the same CliApp in process.
        var result = await CliRunner.RunAsync("picture", "--guild", Guild, "--season", "2024", "-o", Path.Combine(_folder, path));

        AssertRefused(result, mention);
    }

    private void AssertRefused(CliResult result, string mention)
    {
        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain(mention));
        Assert.That(Directory.GetFiles(_folder, "*.png*", SearchOption.AllDirectories), Is.Empty, "no file written");
    }

    [GeneratedRegex(@"\((\d+) x (\d+) px")]
    private static partial Regex Size();
}
