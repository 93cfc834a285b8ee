using System.Diagnostics;
using Bot.Tests.Support;

namespace Bot.Tests.Cli;

/// <summary>
/// <c>dotnet run --project Bot</c> runs where it was started, not in <c>Bot/</c>: the <c>.env</c>, the default
/// <c>challenge.db</c> and relative arguments resolve in the user's directory. Runs the real <c>dotnet run</c>
/// (without building) from a temporary folder outside the checkout.
/// </summary>
[Category(TestCategories.Process)]
public sealed class DotnetRunLocationTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("dotnet-run-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task DotnetRun_DotEnvInStartingDirectory_SettingsFromItAreSeen()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, ".env"), "DISCORD_TOKEN=token-from-dotenv\nCHALLENGE_TIME_ZONE=Nowhere/Else\n");

        var result = await DotnetRunAsync(new Dictionary<string, string?>(), "check-config");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error.Trim(), Is.EqualTo("error: CHALLENGE_TIME_ZONE is not a known IANA time zone (e.g. Europe/Vienna)"), "the token came from .env, the zone too");
    }

    [Test]
    public async Task DotnetRun_EnvironmentAndDotEnvDisagree_EnvironmentWins()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, ".env"), "DISCORD_TOKEN=token-from-dotenv\nCHALLENGE_TIME_ZONE=Nowhere/Else\n");

        var result = await DotnetRunAsync(new Dictionary<string, string?> { ["CHALLENGE_TIME_ZONE"] = "Europe/Vienna" }, "check-config");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Does.StartWith("ok:"));
    }

    [Test]
    public async Task DotnetRun_RelativeArgumentAndNoDatabasePath_ResolveInStartingDirectory()
    {
        var relativeSample = Path.GetRelativePath(_folder, RepositoryPaths.LegacySample);

        var result = await DotnetRunAsync(new Dictionary<string, string?> { ["CHALLENGE_TIME_ZONE"] = "Europe/Vienna" }, "import-legacy", relativeSample, "--guild", "4242");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(File.Exists(Path.Combine(_folder, "challenge.db")), Is.True, "the default database is created where dotnet run was started");
        Assert.That(File.Exists(Path.Combine(RepositoryPaths.Root, "Bot", "challenge.db")), Is.False, "nothing lands in Bot/");
    }

    /// <summary><c>dotnet run --project REPO/Bot --no-build -c CONFIG -- ARGS</c> in the temporary folder, with the bot's settings scrubbed as for any bot process.</summary>
    private async Task<CliResult> DotnetRunAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var info = BotProcess.StartInfo(_folder, environment);
        info.ArgumentList.Clear();
        var configuration = new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;
        foreach (var arg in new[] { "run", "--project", Path.Combine(RepositoryPaths.Root, "Bot"), "--no-build", "-c", configuration, "--" }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
