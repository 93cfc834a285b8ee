using System.Diagnostics;
using System.Globalization;

namespace Bot.Tests.Support;

/// <summary>The real bot process for a test: its output drained (so it never blocks on a full pipe), killed at the end.</summary>
internal sealed class RunningBot : IAsyncDisposable
{
    private readonly Task<string> _output;
    private readonly Task<string> _error;
    private bool _disposed;

    private RunningBot(Process process)
    {
        Process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    /// <summary>Starts <paramref name="botDll"/> (by default <see cref="BotProcess.BotDll"/>).</summary>
    public static RunningBot Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string? botDll = null) =>
        new(Process.Start(BotProcess.StartInfo(botDll ?? BotProcess.BotDll, workingDirectory, environment))!);

    /// <summary>Everything it printed; complete once the process has exited.</summary>
    public async Task<string> LogAsync() => await _output + await _error;

    /// <summary>Sends SIGTERM (as systemd stops the service) and waits for the process to exit; returns how long that took.</summary>
    public async Task<TimeSpan> SigtermAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var signalled = Stopwatch.StartNew();
        await Process.WaitForExitAsync().WaitAsync(timeout);
        return signalled.Elapsed;
    }

    /// <summary>When the current test failed: the tail of what the process printed and, given the fake, every Strava call.</summary>
    public async Task ReportIfFailedAsync(Strava.Fakes.FakeStravaServer? strava = null)
    {
        if (TestContext.CurrentContext.Result.Outcome.Status != NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            return;
        }

        var log = await LogAsync();
        await TestContext.Out.WriteLineAsync("bot log (tail):\n" + (log.Length > 12_000 ? log[^12_000..] : log));
        if (strava is not null)
        {
            await TestContext.Out.WriteLineAsync("Strava calls:\n" + string.Join('\n', strava.Calls.Select(c => $"{c.At:HH:mm:ss.fff} {c.Method} {c.Path}")));
        }
    }

    /// <summary>Kills it if it still runs; a second call (a test's own, then its world's) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync();
        await Task.WhenAll(_output, _error);
        _output.Dispose();
        _error.Dispose();
        Process.Dispose();
    }
}
