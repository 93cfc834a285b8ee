namespace Bot.Tests.Support;

/// <summary>Finds the checkout, the <c>../shared</c> folder beside it and the test data; fails loudly when missing.</summary>
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

    public static string Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(shared)
                ? shared
                : throw new InvalidOperationException($"the shared folder is missing: expected it at {shared}");
        }
    }

    public static string PublicCases => Path.Combine(Shared, "cases", "public");

    /// <summary>The old bot's data sample (<c>2024/athletes.json</c>, <c>2024/global_rules.json</c>), copied beside the tests.</summary>
    public static string LegacySample => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "legacy-sample");
}
