using System.Text.Json.Nodes;
using Bot.Tests.Support;

namespace Bot.Tests.Scoring;

/// <summary>Every public scoring case (copied to Bot.Tests/TestData/cases/public), through the real <c>score</c> verb.</summary>
[Category(TestCategories.Process)]
public sealed class PublicCaseTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        var folder = RepositoryPaths.PublicCases;
        var cases = Directory.GetFiles(folder, "*.json")
            .Where(path => !path.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (cases.Count == 0)
        {
            throw new InvalidOperationException($"no cases in {folder}");
        }

        return cases.Select(path => new TestCaseData(path).SetName($"Score_{Path.GetFileNameWithoutExtension(path)}_MatchesExpected"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Score_PublicCase_MatchesExpected(string casePath)
    {
        var expectedPath = Path.ChangeExtension(casePath, null) + ".expected.json";

        var result = await CliRunner.RunAsync("score", casePath);

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(expectedPath))!;
        var actual = JsonNode.Parse(result.Output)!;
        MaskErrors(expected);
        MaskErrors(actual);
        JsonAssert.AreEquivalent(expected, actual);
    }

    [Test]
    public void PublicCases_FolderIsPresent_HasCasesWithExpectations()
    {
        var cases = Directory.GetFiles(RepositoryPaths.PublicCases, "*.expected.json");

        Assert.That(cases, Is.Not.Empty);
    }

    // Only the presence of an error is specified, not its text.
    private static void MaskErrors(JsonNode document)
    {
        foreach (var member in document["members"]!.AsArray())
        {
            if (member is JsonObject { } entry && entry.ContainsKey("error"))
            {
                entry["error"] = "present";
            }
        }
    }
}
