using System.Text.Json.Nodes;
using Bot.Tests.Pictures;
using Bot.Tests.Support;

namespace Bot.Tests.Cli;

/// <summary>
/// The README's "Try it without Discord" block, command by command, through the real executable in a fresh folder
/// that sees the repository's <c>Bot.Tests/TestData</c> where the block expects it. A line the test does not know fails
/// it, so the block and the test change together.
/// </summary>
[Category(TestCategories.Process)]
public sealed class ReadmeTryItTests
{
    private const string DotnetRun = "dotnet run --project Bot -- ";
    private string _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("readme-try-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(_folder, "Bot.Tests"), Path.Combine(RepositoryPaths.Root, "Bot.Tests"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task TryItBlock_EveryCommand_SucceedsAndWritesItsFiles()
    {
        var environment = new Dictionary<string, string?>();
        var commands = 0;

        foreach (var line in Block().Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith("mkdir -p ", StringComparison.Ordinal))
            {
                Directory.CreateDirectory(Path.Combine(_folder, line["mkdir -p ".Length..]));
            }
            else if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                foreach (var pair in line["export ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    environment[pair.Split('=')[0]] = pair.Split('=')[1];
                }
            }
            else
            {
                Assert.That(line, Does.StartWith(DotnetRun), "a line this test does not know how to run");
                var (args, redirect) = Split(line[DotnetRun.Length..]);
                var result = await BotProcess.RunAsync(_folder, environment, args);
                Assert.That(result.ExitCode, Is.Zero, $"{line}: {result.Error}");
                if (redirect is not null)
                {
                    await File.WriteAllTextAsync(Path.Combine(_folder, redirect), result.Output);
                }

                commands++;
            }
        }

        Assert.That(commands, Is.EqualTo(4), "score, import-legacy, export, picture");
        Assert.That((int?)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "try", "season-2024.json")))!["season"], Is.EqualTo(2024));
        using var picture = GoldenImages.Decode(await File.ReadAllBytesAsync(Path.Combine(_folder, "try", "season-2024.png")));
        Assert.That(picture.Width, Is.GreaterThan(1000));
    }

    /// <summary>The lines of the first bash block under "## Try it without Discord".</summary>
    private static IEnumerable<string> Block()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Try it without Discord", StringComparison.Ordinal)..];
        var start = section.IndexOf("```bash\n", StringComparison.Ordinal) + "```bash\n".Length;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)].Split('\n').Select(l => l.Trim());
    }

    private static (string[] Args, string? Redirect) Split(string command)
    {
        var parts = command.Split(" > ");
        return (parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), parts.Length > 1 ? parts[1].Trim() : null);
    }
}
