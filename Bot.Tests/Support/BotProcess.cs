using System.Diagnostics;

namespace Bot.Tests.Support;

/// <summary>Runs the real Bot executable as a separate process.</summary>
internal static class BotProcess
{
    /// <summary>
    /// The ReadyToRun copy of the bot that Bot.Tests.csproj publishes into bot-r2r/ beside the tests: the same program,
    /// compiled ahead of time, so a start costs about 40 % less CPU than jitting the IL build (the process tests start
    /// about a hundred bots on two cores). Without that copy (a build on Windows), the IL build.
    /// </summary>
    public static string BotDll => File.Exists(ReadyToRunBotDll) ? ReadyToRunBotDll : IlBotDll;

    /// <summary>The IL build beside the tests, as the deploy notes publish it: what the footprint measurement runs.</summary>
    public static string IlBotDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "Bot.dll");

    private static string ReadyToRunBotDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "bot-r2r", "Bot.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        StartInfo(BotDll, workingDirectory, environment, args);

    public static ProcessStartInfo StartInfo(string botDll, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(botDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in new[]
        {
            "DISCORD_TOKEN", "DISCORD_GUILD_ID", "DISCORD_API_BASE_URL", "DISCORD_INTENTS", "DATABASE_PATH", "CHALLENGE_TIME_ZONE", "CPU_WORKERS", "CPU_QUEUE_LIMIT",
            "ADMIN_USER_IDS", "HTTP_URLS", "PUBLIC_BASE_URL", "STATE_SIGNING_KEY", "STRAVA_CLIENT_ID", "STRAVA_CLIENT_SECRET", "STRAVA_WEBHOOK_VERIFY_TOKEN",
            "STRAVA_API_BASE_URL", "STRAVA_OAUTH_BASE_URL", "CLOCK_START_UTC", "STATE_DIRECTORY", "NOTIFY_SOCKET", "MANAGEMENT_TOKEN", "METRICS_PROMETHEUS",
        })
        {
            info.Environment.Remove(name);
        }

        // An ephemeral port, so bot processes of parallel tests (and other checkouts) never fight over 8080.
        info.Environment["HTTP_URLS"] = "http://127.0.0.1:0";

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public static Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(workingDirectory, environment, TimeSpan.FromMinutes(2), args);

    /// <summary>Runs it to the end; a process still running after <paramref name="timeout"/> is killed and the test fails as hung.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args)
    {
        // Tiered PGO is off in the bot's own runtimeconfig (Bot.csproj), for verbs and running bots alike.
        var info = StartInfo(workingDirectory, environment, args);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"'{string.Join(' ', args)}' still ran after {timeout.TotalSeconds:0} s and was killed: {await error}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
