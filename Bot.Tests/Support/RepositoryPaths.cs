namespace Bot.Tests.Support;

/// <summary>Finds the checkout and the test data copied beside the tests; fails loudly when missing.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChallengeBot.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException(
                $"no ChallengeBot.sln above {TestContext.CurrentContext.TestDirectory}");
        }
    }

    /// <summary>The public scoring cases (<c>*.json</c> with <c>*.expected.json</c>), copied beside the tests.</summary>
    public static string PublicCases => Path.Combine(TestData, "cases", "public");

    /// <summary>Discord's OpenAPI description of its REST bodies, copied beside the tests.</summary>
    public static string DiscordOpenApi => Path.Combine(TestData, "specs", "discord-openapi.json");

    /// <summary>The old bot's data sample (<c>2024/athletes.json</c>, <c>2024/global_rules.json</c>), copied beside the tests.</summary>
    public static string LegacySample => Path.Combine(TestData, "legacy-sample");

    /// <summary>Test data copied from the project's specs (see <c>Bot.Tests/TestData/README.md</c>).</summary>
    private static string TestData => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData");
}
