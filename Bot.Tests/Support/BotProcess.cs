using System.Diagnostics;

namespace Bot.Tests.Support;

/// <summary>Runs the real Bot executable (Bot.dll beside the tests) as a separate process.</summary>
internal static class BotProcess
{
    public static string BotDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "Bot.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BotDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "DISCORD_TOKEN", "DISCORD_GUILD_ID", "DISCORD_API_BASE_URL", "DISCORD_INTENTS", "DATABASE_PATH", "CHALLENGE_TIME_ZONE", "CPU_WORKERS", "CPU_QUEUE_LIMIT", "ADMIN_USER_IDS", "CLOCK_START_UTC", "STATE_DIRECTORY", "NOTIFY_SOCKET" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
