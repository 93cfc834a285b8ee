using System.Diagnostics;
using Bot.Tests.Support;

namespace Bot.Tests.Deploy;

/// <summary>deploy/challengebot.service: what issue 6 asks of it, and systemd's own verdict on it.</summary>
[Category(TestCategories.Process)]
public sealed class SystemdUnitTests
{
    private static string UnitPath => Path.Combine(RepositoryPaths.Root, "deploy", "challengebot.service");

    private static Dictionary<string, List<string>> Directives()
    {
        var directives = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(UnitPath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '[' || line.IndexOf('=', StringComparison.Ordinal) is not (> 0 and var at))
            {
                continue;
            }

            var key = line[..at];
            if (!directives.TryGetValue(key, out var values))
            {
                directives[key] = values = [];
            }

            values.Add(line[(at + 1)..]);
        }

        return directives;
    }

    [Test]
    public void Unit_HasNotifyRestartStateDirectoryUserAndHardening()
    {
        var unit = Directives();
        string One(string key) => unit.TryGetValue(key, out var values) ? values.Single() : $"<no {key}>";

        Assert.Multiple(() =>
        {
            Assert.That(One("Type"), Is.EqualTo("notify"));
            Assert.That(One("Restart"), Is.EqualTo("on-failure"));
            Assert.That(One("RestartSec"), Does.Match(@"^\d+s$"));
            Assert.That(One("RestartPreventExitStatus").Split(' '), Is.EquivalentTo(new[] { "2", "3" }), "no restart loop on a bad setting or a refused token");
            Assert.That(One("EnvironmentFile"), Does.StartWith("/etc/"));
            Assert.That(One("StateDirectory"), Is.EqualTo("challengebot"));
            Assert.That(One("User"), Is.EqualTo("challengebot"));
            Assert.That(One("NoNewPrivileges"), Is.EqualTo("yes"));
            Assert.That(One("ProtectSystem"), Is.EqualTo("strict"));
            Assert.That(One("ProtectHome"), Is.EqualTo("yes"));
            Assert.That(One("PrivateTmp"), Is.EqualTo("yes"));
            Assert.That(One("ReadWritePaths"), Is.EqualTo("/var/lib/challengebot"), "only the state directory is writable");
            Assert.That(One("KillSignal"), Is.EqualTo("SIGTERM"));
            Assert.That(unit.ContainsKey("MemoryDenyWriteExecute"), Is.False, "the JIT needs writable code pages");
        });
    }

    [Test]
    public void Unit_SystemdAnalyzeVerify_NoComplaints()
    {
        var (code, errors) = Verify(File.ReadAllText(UnitPath));

        Assert.That((code, errors), Is.EqualTo((0, "")), errors);
    }

    [Test]
    public void Verify_BrokenUnit_Complains()
    {
        // The check above can fail: systemd-analyze names a mistyped value.
        var (_, errors) = Verify(File.ReadAllText(UnitPath).Replace("Type=notify", "Type=notfy", StringComparison.Ordinal));

        Assert.That(errors, Does.Contain("notfy"));
    }

    /// <summary>
    /// systemd-analyze verify on a copy whose ExecStart and WorkingDirectory exist on this machine (the
    /// published binary lives in /opt only after deployment). It prints problems and may still exit 0.
    /// </summary>
    private static (int Code, string Errors) Verify(string unitText)
    {
        const string tool = "/usr/bin/systemd-analyze";
        if (!File.Exists(tool))
        {
            Skip.Because("systemd-analyze is not installed here; the unit's text is still checked by Unit_HasNotifyRestartStateDirectoryUserAndHardening");
        }

        var folder = Directory.CreateTempSubdirectory("unit-").FullName;
        try
        {
            var path = Path.Combine(folder, "challengebot.service");
            File.WriteAllText(path, unitText
                .Replace("ExecStart=/opt/challengebot/Bot", "ExecStart=/bin/true", StringComparison.Ordinal)
                .Replace("WorkingDirectory=/opt/challengebot", "WorkingDirectory=" + folder, StringComparison.Ordinal));
            using var process = Process.Start(new ProcessStartInfo(tool, ["verify", path])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, (errors.Result + output).Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
