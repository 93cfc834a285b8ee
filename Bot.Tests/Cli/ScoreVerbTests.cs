using Bot.Tests.Support;

namespace Bot.Tests.Cli;

/// <summary>The <c>score</c> verb end to end: JSON out, or exit code 2 and one line naming what is wrong.</summary>
[Category(TestCategories.Process)]
public sealed class ScoreVerbTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("score-verb-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "case.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Test]
    public async Task Score_MissingFile_ExitCode2AndOneLine()
    {
        var result = await CliRunner.RunAsync("score", Path.Combine(_folder, "missing.json"));

        AssertOneLineError(result, "missing.json");
    }

    [Test]
    public async Task Score_MalformedCase_ExitCode2NamingFileAndPath()
    {
        var path = Write("""{"season":2024,"as_of":"2024-01-31","members":[{"id":"1","name":"A","activities":[{"id":1,"start_date_local":"soon"}]}]}""");

        var result = await CliRunner.RunAsync("score", path);

        AssertOneLineError(result, "$.members[0].activities[0].start_date_local");
        Assert.That(result.Error, Does.Contain("case.json"));
    }

    [Test]
    public async Task Score_InvalidRules_ExitCode2NamingKey()
    {
        var path = Write("""{"season":2024,"as_of":"2024-01-31","rules":{"price_per_week":-5},"members":[]}""");

        var result = await CliRunner.RunAsync("score", path);

        AssertOneLineError(result, "price_per_week");
    }

    [Test]
    public async Task Score_NoArgument_ExitCode2()
    {
        var result = await CliRunner.RunAsync("score");

        AssertOneLineError(result, "argument");
    }

    [Test]
    public async Task Score_ValidCase_ExitCode0WithStandings()
    {
        var path = Write("""{"season":2024,"as_of":"2024-01-10","members":[{"id":"7","name":"B"}]}""");

        var result = await CliRunner.RunAsync("score", path);

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Output, Does.Contain("\"status\": \"failed\"").And.Contain("\"total\": 5"));
    }

    private static void AssertOneLineError(CliResult result, string mention)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Output, Is.Empty);
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), result.Error);
            Assert.That(result.Error, Does.Contain(mention));
            Assert.That(result.Error, Does.Not.Contain("   at "));
        });
    }
}
