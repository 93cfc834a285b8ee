namespace Bot.Tests.Support;

/// <summary>Finds the checkout and the <c>../shared</c> folder beside it; fails loudly when missing.</summary>
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
}
