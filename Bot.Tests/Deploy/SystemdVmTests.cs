using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;

namespace Bot.Tests.Deploy;

/// <summary>
/// Issue 6's "done when", for real: a Debian 12 VM (qemu, systemd as PID 1) in which deploy/README.md's
/// own shell blocks are run as a newcomer would run them (only the <c>editor</c> step is replaced by
/// writing the settings), against the fake Discord in this process. Then: the unit is active (Type=notify,
/// so the bot reached Discord's READY) and /healthz answers; a <c>kill -9</c> is restarted after
/// RestartSec; after a reboot of the guest the bot runs again with its data; a bad env file leaves the
/// unit failed with exit status 2, no restart loop, and one clear line per problem in the journal.
/// The tests run in order on one VM; each stays well under the CI's five-minute hang limit.
/// </summary>
/// <remarks>
/// The guest image (deploy/vm/build-image.sh: debootstrap, no .NET, no libicu, no sudo) is cached in
/// /var/cache/challengebot-vm by deploy/vm/image.sh. The guest has no way out (qemu user networking with
/// restrict=on): it reaches only the fake Discord, through qemu's guestfwd at 10.0.2.100 on the fake's port.
/// </remarks>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.Vm)]
public sealed partial class SystemdVmTests
{
    private const string GuestForwardAddress = "10.0.2.100";
    private const string Token = "vm-fake-discord-token";
    private const string Guild = "4343";
    private const int Season = 2031;
    private const string SeasonStart = """[{"name":"season","type":2,"options":[{"name":"start","type":1,"options":[{"name":"year","type":4,"value":2031}]}]}]""";
    private static readonly string[] Tools = ["qemu-system-x86_64", "qemu-img", "debootstrap", "mke2fs", "ssh", "scp", "ssh-keygen", "socat", "flock"];

    private readonly StringBuilder _log = new();
    private string? _skipped;
    private bool _toldWhySkipped;
    private string? _unavailable;
    private string _folder = null!;
    private FakeDiscordGateway _discord = null!;
    private Task<ProcessResult>? _image;
    private string? _imageFolder;
    private string? _publish;
    private Process? _qemu;
    private int _sshPort;
    private bool _booted;
    private bool _installed;
    private int _interaction;

    private static string Readme => Path.Combine(RepositoryPaths.Root, "deploy", "README.md");

    private string Key => Path.Combine(_imageFolder!, "id_ed25519");

    private string ConsoleLog => Path.Combine(_folder, "console.log");

    private string[] SshOptions =>
    [
        "-i", Key, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes",
        "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=6",
    ];

    [OneTimeSetUp]
    public void StartImageAndFakeDiscord()
    {
        _skipped = OptedOut();
        _unavailable = _skipped is null ? Unavailable() : null;
        if (_skipped is not null || _unavailable is not null)
        {
            return;
        }

        _folder = Directory.CreateTempSubdirectory("systemd-vm-").FullName;
        _discord = FakeDiscordGateway.Start(heartbeatIntervalMs: 20_000);
        _discord.AdvertisedHost = GuestForwardAddress;
        // Built (or found in the cache) while the first test publishes the bot.
        _image = RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "deploy", "vm", "image.sh")], null, TimeSpan.FromMinutes(15));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_qemu is { } qemu)
        {
            if (!qemu.HasExited)
            {
                qemu.Kill(entireProcessTree: true);
            }

            await qemu.WaitForExitAsync();
            qemu.Dispose();
        }

        if (_image is not null)
        {
            await _image;
            _image.Dispose();
        }

        _discord?.Dispose();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [SetUp]
    public void SkipWhenUnavailable()
    {
        if (_skipped is not null)
        {
            // The reason once on the console, not once per test.
            var first = !_toldWhySkipped;
            _toldWhySkipped = true;
            if (first)
            {
                Skip.Because(_skipped);
            }

            Assert.Ignore(_skipped);
        }

        if (_unavailable is null)
        {
            return;
        }

        // In CI the prerequisites are .ci/run's job: a skipped VM test there would hide a broken deployment.
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(_unavailable);
        }

        Skip.Because(_unavailable);
    }

    [TearDown]
    public async Task ShowTheGuestOnFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status != NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            return;
        }

        await TestContext.Out.WriteLineAsync("---- test log ----\n" + _log);
        if (_qemu is { HasExited: false } && _sshPort != 0)
        {
            var journal = await SshAsync("systemctl status --no-pager challengebot; journalctl -u challengebot -b --no-pager -n 60", TimeSpan.FromSeconds(60));
            await TestContext.Out.WriteLineAsync("---- guest: challengebot ----\n" + journal.Output + journal.Error);
        }

        if (_folder is not null && File.Exists(ConsoleLog))
        {
            var console = await File.ReadAllLinesAsync(ConsoleLog);
            await TestContext.Out.WriteLineAsync("---- guest console (last 40 lines) ----\n" + string.Join('\n', console.TakeLast(40)));
        }
    }

    /// <summary>README step 1 in this checkout: the publish leaves every lock file (and so <c>git status</c>) as it was.</summary>
    [Test]
    [Order(1)]
    public async Task Publish_AsTheReadmeSays_ChangesNoLockFile()
    {
        var publish = ReadmeBlock("publish").Split('\n').Single(l => l.StartsWith("dotnet publish ", StringComparison.Ordinal));
        Assert.That(publish, Does.EndWith(" -o publish"), "the README's publish command");
        var output = Path.Combine(_folder, "publish");
        var locks = Directory.GetFiles(RepositoryPaths.Root, "packages.lock.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllText);

        // Only the output folder differs: a temporary one instead of publish/ in the checkout.
        var result = await RunAsync("bash", ["-euxc", publish[..^"publish".Length] + Quote(output)], null, TimeSpan.FromMinutes(4), RepositoryPaths.Root);

        Assert.That(result.Code, Is.Zero, result.Output + result.Error);
        // The publish's restore is skipped when obj/ already holds a linux-x64 restore; this one is not,
        // so a lock file without linux-x64's packages is rewritten (and caught below) whatever obj/ holds.
        var evaluate = await RunAsync("dotnet", ["restore", "Bot", "-r", "linux-x64", "--force-evaluate"], null, TimeSpan.FromMinutes(3), RepositoryPaths.Root);
        Assert.That(evaluate.Code, Is.Zero, evaluate.Output + evaluate.Error);
        var changed = locks.Where(l => File.ReadAllText(l.Key) != l.Value).Select(l => l.Key).ToList();
        foreach (var path in changed)
        {
            File.WriteAllText(path, locks[path]);
        }

        Assert.Multiple(() =>
        {
            Assert.That(changed.Select(p => Path.GetRelativePath(RepositoryPaths.Root, p)), Is.Empty,
                "the publish rewrote these lock files (put back as they were): their projects lack RuntimeIdentifiers linux-x64");
            Assert.That(File.Exists(Path.Combine(output, "Bot")), Is.True, "the self-contained executable");
            Assert.That(File.Exists(Path.Combine(output, ".env.example")) && File.Exists(Path.Combine(output, "deploy", "challengebot.service")), Is.True,
                "the env example and the unit travel with the program (README step 2 copies them from /opt/challengebot)");
        });
        _publish = output;
    }

    /// <summary>The guest image, built by deploy/vm/image.sh (several minutes, once) or found in its cache.</summary>
    [Test]
    [Order(2)]
    public async Task GuestImage_BuiltOrCached()
    {
        var image = await _image!;
        Assert.That(image.Code, Is.Zero, "the guest image (deploy/vm/image.sh):\n" + image.Error);
        _imageFolder = image.Output.Trim().Split('\n')[^1];
        Assert.That(File.Exists(Path.Combine(_imageFolder, "disk.img")), Is.True, _imageFolder);
        await TestContext.Out.WriteLineAsync($"guest image: {_imageFolder}\n{image.Error}");
    }

    /// <summary>The guest boots to a running systemd (PID 1) and answers over SSH.</summary>
    [Test]
    [Order(3)]
    public async Task Boot_GuestRunsSystemdAsPid1()
    {
        Assert.That(_imageFolder, Is.Not.Null, "needs the guest image");
        await BootAsync();
        var pid1 = await SshAsync("cat /proc/1/comm; systemctl --version | head -n 1; systemctl is-system-running", TimeSpan.FromSeconds(60));
        await TestContext.Out.WriteLineAsync($"guest: {string.Join(" | ", pid1.Output.Trim().Split('\n'))}; {_log}");
        Assert.That(pid1.Output, Does.StartWith("systemd\nsystemd 252").And.EndWith("running\n"));
        _booted = true;
    }

    /// <summary>README steps 1 (the copy) and 2 on the fresh guest; the unit then runs and the bot is connected.</summary>
    [Test]
    [Order(4)]
    public async Task Install_EnableNow_ActiveOnlyOnceDiscordIsReady_AndHealthzAnswers()
    {
        Assert.That(_publish is not null && _booted, Is.True, "needs the publish and the booted guest");

        // README step 1's copy: the same scp, to this guest.
        var copy = ReadmeBlock("publish").Split('\n').Single(l => l.StartsWith("scp ", StringComparison.Ordinal));
        Assert.That(copy, Is.EqualTo("scp -r publish root@server:/tmp/challengebot"));
        var scp = await RunAsync("scp", [.. SshOptions, "-P", Port(), "-q", "-r", _publish!, "root@127.0.0.1:/tmp/challengebot"], null, TimeSpan.FromMinutes(4));
        Assert.That(scp.Code, Is.Zero, scp.Error);

        // README step 2 as it stands, with the settings written where the reader opens an editor.
        var install = ReadmeBlock("install");
        var editor = install.Split('\n').Single(l => l.StartsWith("editor ", StringComparison.Ordinal));
        var settings = $"sed -i -e 's|^DISCORD_TOKEN=.*|DISCORD_TOKEN={Token}|' " +
            $"-e 's|^DISCORD_API_BASE_URL=.*|DISCORD_API_BASE_URL=http://{GuestForwardAddress}:{_discord.Port}/api/v10|' /etc/challengebot/challengebot.env";
        var run = await SshAsync(install.Replace(editor, settings, StringComparison.Ordinal), TimeSpan.FromMinutes(4), "-euxo pipefail");
        Log("install", run);
        Assert.That(run.Code, Is.Zero, $"README step 2 failed:\n{run.Output}\n{run.Error}");
        _installed = true;

        var show = await ShowAsync();
        var status = await SshAsync("systemctl status --no-pager challengebot", TimeSpan.FromSeconds(60));
        Log("status", status);
        var health = await HealthzAsync();
        Log("healthz", health);
        await TestContext.Out.WriteLineAsync($"after install: {Show(show)}; fake Discord saw {Identifies()} IDENTIFY; " +
            $"{status.Output.Split('\n').FirstOrDefault(l => l.Contains("Active:", StringComparison.Ordinal))?.Trim()}; healthz: {health.Output.Split('\n')[0].Trim()} {health.Output.Split('\n')[^1]}");
        var started = await InteractAsync("admin", SeasonStart);
        Assert.Multiple(() =>
        {
            Assert.That(run.Output + run.Error, Does.Contain("ok: the settings are valid"), "README's check-config before the first start");
            Assert.That(show["Type"], Is.EqualTo("notify"));
            Assert.That((show["ActiveState"], show["SubState"]), Is.EqualTo(("active", "running")), "enable --now returned with the unit started");
            Assert.That(show["UnitFileState"], Is.EqualTo("enabled"));
            Assert.That(status.Output, Does.Contain("active (running)").And.Contain("Status: \"connected to Discord"), "what README step 3 promises");
            Assert.That(Identifies(), Is.EqualTo(1), "one IDENTIFY: systemd counted the unit started only after the READY that answered it");
            Assert.That(_discord.GatewayBotRequests.Single(), Does.Contain("Authorization: Bot " + Token), "the token from the env file");
            Assert.That(health.Output, Does.StartWith("HTTP/1.1 200").And.Contain("\"healthy\""), "GET /healthz inside the guest");
            Assert.That(started, Does.Contain($"Season {Season} started"), "data written through Discord before the reboot");
        });
    }

    /// <summary>A <c>kill -9</c> of the main process: systemd restarts it after RestartSec=10s and it reconnects.</summary>
    [Test]
    [Order(5)]
    public async Task Kill9_MainPid_RestartedAfterRestartSec()
    {
        Assert.That(_installed, Is.True, "needs the installed bot");
        var before = await ShowAsync();
        var identifies = Identifies();

        var kill = await SshAsync($"kill -9 {before["MainPID"]}", TimeSpan.FromSeconds(30));
        Assert.That(kill.Code, Is.Zero, kill.Error);
        var after = await UntilAsync(s => s["MainPID"] != before["MainPID"] && s["MainPID"] != "0" && s["ActiveState"] == "active", TimeSpan.FromMinutes(3));
        var journal = await SshAsync("journalctl -u challengebot -b -o short-monotonic --no-pager", TimeSpan.FromSeconds(60));
        Log($"kill -9 {before["MainPID"]}: MainPID {before["MainPID"]} -> {after["MainPID"]}, NRestarts {before["NRestarts"]} -> {after["NRestarts"]}", journal);
        var killed = Monotonic(journal.Output, "Main process exited, code=killed, status=9/KILL");
        var restarted = Monotonic(journal.Output, "Scheduled restart job, restart counter is at 1.");
        await TestContext.Out.WriteLineAsync($"kill -9 {before["MainPID"]}: before {Show(before)}; after {Show(after)}; killed at {killed}, restart at {restarted}\n" +
            string.Join('\n', journal.Output.Split('\n').Where(l => l.Contains("systemd[1]", StringComparison.Ordinal)).TakeLast(6)));

        Assert.Multiple(() =>
        {
            Assert.That(after["ActiveState"], Is.EqualTo("active"), "restarted and ready again");
            Assert.That(int.Parse(after["NRestarts"], CultureInfo.InvariantCulture), Is.EqualTo(int.Parse(before["NRestarts"], CultureInfo.InvariantCulture) + 1));
            Assert.That(killed, Is.Not.Null, "the journal names the signal");
            Assert.That(restarted - killed ?? -1, Is.GreaterThanOrEqualTo(9.9), "systemd scheduled the restart RestartSec=10s after the kill");
            Assert.That(Identifies(), Is.EqualTo(identifies + 1), "the new process identified with the fake Discord");
        });
    }

    /// <summary>A real reboot of the guest: the bot is running again without anyone starting it, with the same database.</summary>
    [Test]
    [Order(6)]
    public async Task Reboot_BotActiveAgainWithoutAnyoneStartingIt_DataKept()
    {
        Assert.That(_installed, Is.True, "needs the installed bot");
        var boot = (await SshAsync("cat /proc/sys/kernel/random/boot_id", TimeSpan.FromSeconds(30))).Output.Trim();
        var identifies = Identifies();
        var connection = _discord.Connections[^1];

        // The connection may drop before ssh reports back: its exit code says nothing.
        await SshAsync("systemctl reboot", TimeSpan.FromSeconds(30));
        string? newBoot = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (DateTime.UtcNow < deadline && (newBoot is null || newBoot == boot))
        {
            await Task.Delay(3000);
            var id = await SshAsync("cat /proc/sys/kernel/random/boot_id", TimeSpan.FromSeconds(30));
            newBoot = id.Code == 0 ? id.Output.Trim() : null;
        }

        Assert.That(newBoot, Is.Not.Null.And.Not.EqualTo(boot), "the guest came back from its reboot");
        // Nothing but reading: systemd starts the unit at boot (WantedBy=multi-user.target).
        var after = await UntilAsync(s => s["ActiveState"] == "active", TimeSpan.FromMinutes(3));
        Log($"reboot: boot id {boot} -> {newBoot}", await SshAsync("journalctl -u challengebot -b --no-pager -n 15", TimeSpan.FromSeconds(60)));
        var again = await InteractAsync("admin", SeasonStart);
        var backup = await SshAsync(ReadmeBlock("backup") + "\nstat -c '%U %a %s' /var/lib/challengebot/backups/challenge-*.db", TimeSpan.FromMinutes(2), "-euxo pipefail");
        Log("backup (README step 5)", backup);
        await TestContext.Out.WriteLineAsync($"reboot: boot id {boot} -> {newBoot}; {Show(after)}; gateway close code before the reboot {connection.ClientCloseCode}; " +
            $"IDENTIFY {identifies} -> {Identifies()}; /admin season start {Season} after the reboot: {again}; backup: {backup.Output.Trim().Split('\n')[^1]}");

        Assert.Multiple(() =>
        {
            Assert.That((after["ActiveState"], after["SubState"]), Is.EqualTo(("active", "running")));
            Assert.That(after["NRestarts"], Is.EqualTo("0"), "started by the boot, not by a restart after a failure");
            Assert.That(connection.ClientCloseCode, Is.EqualTo(1000), "the reboot stopped the bot with SIGTERM: it closed the gateway cleanly");
            Assert.That(Identifies(), Is.EqualTo(identifies + 1), "identified again after the boot");
            Assert.That(again, Does.Contain($"Season {Season} is already running"), "the season started before the reboot is still in the database");
            Assert.That(backup.Code, Is.Zero, backup.Error);
            Assert.That(backup.Output, Does.Match(@"(?m)^challengebot 600 [1-9]\d*$"), "one owner-only backup file");
        });
    }

    /// <summary>A bad env file: exit status 2, failed, no restart loop, and the journal names every wrong variable on one line.</summary>
    [Test]
    [Order(7)]
    public async Task BadEnvFile_UnitFailedWithExitStatus2_NotRestarted_OneClearLinePerProblem()
    {
        Assert.That(_installed, Is.True, "needs the installed bot");
        var identifies = Identifies();
        var cursor = CursorPattern().Match((await SshAsync("journalctl -n 1 --show-cursor --no-pager", TimeSpan.FromSeconds(30))).Output).Groups[1].Value;
        Assert.That(cursor, Is.Not.Empty, "a journal cursor to read from");

        var edit = await SshAsync(
            "sed -i -e '/^DISCORD_TOKEN=/d' -e 's|^CHALLENGE_TIME_ZONE=.*|CHALLENGE_TIME_ZONE=Mars/Base|' /etc/challengebot/challengebot.env", TimeSpan.FromSeconds(30));
        Assert.That(edit.Code, Is.Zero, edit.Error);
        var restart = await SshAsync("systemctl restart challengebot", TimeSpan.FromMinutes(3));
        var first = await ShowAsync();
        // Three RestartSec periods: a restart loop would have started again by now.
        var samples = new List<Dictionary<string, string>> { first };
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(3000);
            samples.Add(await ShowAsync());
        }

        var journal = await SshAsync($"journalctl -u challengebot --after-cursor='{cursor}' --no-pager -o cat", TimeSpan.FromSeconds(60));
        Log($"bad env: systemctl restart exited {restart.Code}; states {string.Join(", ", samples.Select(s => $"{s["ActiveState"]}/{s["SubState"]}/NRestarts={s["NRestarts"]}"))}", journal);
        var lines = journal.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = samples[^1];
        await TestContext.Out.WriteLineAsync($"bad env: systemctl restart exited {restart.Code}; {samples.Count} samples over 30 s, last {Show(last)}; journal:\n{journal.Output}");

        Assert.Multiple(() =>
        {
            Assert.That(restart.Code, Is.Not.Zero, "systemctl restart reports the failed start");
            Assert.That(samples.Select(s => s["ActiveState"]), Is.All.EqualTo("failed"), "failed, and stays failed: never activating (auto-restart)");
            Assert.That(samples.Select(s => s["NRestarts"]), Is.All.EqualTo(first["NRestarts"]), "no restart after exit status 2");
            Assert.That((last["Result"], last["ExecMainCode"], last["ExecMainStatus"]), Is.EqualTo(("exit-code", "1", "2")), "exited (CLD_EXITED) with status 2");
            Assert.That(lines.Count(l => l.StartsWith("Starting challengebot.service", StringComparison.Ordinal)), Is.EqualTo(1), "started once, not in a loop");
            Assert.That(lines, Has.One.StartsWith("error: DISCORD_TOKEN is not set"), "one line naming the missing variable");
            Assert.That(lines, Has.One.StartsWith("error: CHALLENGE_TIME_ZONE is not a known IANA time zone"), "one line naming the wrong value");
            Assert.That(lines, Has.None.Match(@"^\s+at |Exception|Unhandled"), "no stack trace");
            Assert.That(Identifies(), Is.EqualTo(identifies), "the bad start never reached Discord");
        });
    }

    [GeneratedRegex(@"-- cursor: (\S+)")]
    private static partial Regex CursorPattern();

    [GeneratedRegex(@"^\[\s*(\d+\.\d+)\]")]
    private static partial Regex MonotonicPattern();

    /// <summary>Minutes of qemu are too long for the default run; .ci/run opts in.</summary>
    private static string? OptedOut() =>
        Environment.GetEnvironmentVariable("CHALLENGEBOT_VM_TESTS") == "1"
            ? null
            : "skipped: the systemd VM test boots a qemu guest (~6 min); .ci/run runs it, or set CHALLENGEBOT_VM_TESTS=1";

    private static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the systemd VM test runs on Linux only";
        }

        if (!File.ReadLines("/proc/self/status").Any(l => Regex.IsMatch(l, @"^Uid:\s+0\s")))
        {
            return "the systemd VM test needs root (debootstrap builds the guest image)";
        }

        var missing = Tools.Where(t => !OnPath(t)).ToList();
        return missing.Count == 0
            ? null
            : $"the systemd VM test needs {string.Join(", ", missing)}: apt-get install qemu-system-x86 qemu-utils debootstrap socat openssh-client (.ci/run does)";
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/sbin").Any(d => File.Exists(Path.Combine(d, tool)));

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The fenced block after <c>&lt;!-- vm-test: NAME --&gt;</c> in deploy/README.md.</summary>
    private static string ReadmeBlock(string name)
    {
        var text = File.ReadAllText(Readme).ReplaceLineEndings("\n");
        var marker = text.IndexOf($"<!-- vm-test: {name} -->", StringComparison.Ordinal);
        Assert.That(marker, Is.GreaterThanOrEqualTo(0), $"deploy/README.md has no block marked vm-test: {name}");
        var start = text.IndexOf("```sh\n", marker, StringComparison.Ordinal) + "```sh\n".Length;
        var end = text.IndexOf("\n```", start, StringComparison.Ordinal);
        return text[start..end];
    }

    private static double? Monotonic(string journal, string message) =>
        journal.Split('\n').Where(l => l.Contains(message, StringComparison.Ordinal)).Select(l => MonotonicPattern().Match(l))
            .Where(m => m.Success).Select(m => (double?)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).LastOrDefault();

    private static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, string? input, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ProcessResult(-1, await output, await error + $"\n(timed out after {timeout})");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }


    private const string QemuGuard = """
        exec 3<&0
        "$@" </dev/null &
        qemu=$!
        (read -r _ <&3; kill "$qemu" 2>/dev/null) &
        guard=$!
        wait "$qemu"
        status=$?
        kill "$guard" 2>/dev/null
        exit "$status"
        """;

    private static string Show(Dictionary<string, string> show) => string.Join(' ', show.Select(p => $"{p.Key}={p.Value}"));

    private string Port() => _sshPort.ToString(CultureInfo.InvariantCulture);

    private void Log(string what, ProcessResult result) =>
        _log.AppendLine(CultureInfo.InvariantCulture, $"== {what} (exit {result.Code})\n{result.Output}{result.Error}");

    /// <summary>Boots a copy-on-write overlay of the cached image and waits for SSH.</summary>
    private async Task BootAsync()
    {
        var image = _imageFolder!;
        var overlay = Path.Combine(_folder, "disk.qcow2");
        var create = await RunAsync("qemu-img", ["create", "-q", "-f", "qcow2", "-F", "raw", "-b", Path.Combine(image, "disk.img"), overlay], null, TimeSpan.FromMinutes(1));
        Assert.That(create.Code, Is.Zero, create.Error);

        _sshPort = Loopback.FreePort();
        var accelerator = Accelerator();
        // qemu under a small shell that kills it when this process goes away (its stdin closes), so a
        // test host killed by a hang timeout leaves no VM behind.
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-c", QemuGuard, "qemu-guard", "qemu-system-x86_64" }.Concat(accelerator).Concat(
        [
            "-m", "1024", "-smp", "2",
            "-kernel", Path.Combine(image, "vmlinuz"), "-initrd", Path.Combine(image, "initrd.img"),
            "-append", "root=/dev/vda rw console=ttyS0",
            "-drive", $"file={overlay},if=virtio,format=qcow2",
            // No way out: SSH in from 127.0.0.1, and the fake Discord at 10.0.2.100 on its own port.
            "-nic", $"user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:{_sshPort}-:22,"
                + $"guestfwd=tcp:{GuestForwardAddress}:{_discord.Port}-cmd:socat -lf /dev/null STDIO TCP:127.0.0.1:{_discord.Port}",
            "-display", "none", "-monitor", "none", "-serial", $"file:{ConsoleLog}",
        ]))
        {
            info.ArgumentList.Add(arg);
        }

        _qemu = Process.Start(info)!;
        _ = _qemu.StandardOutput.ReadToEndAsync();
        var qemuErrors = _qemu.StandardError.ReadToEndAsync();
        _log.AppendLine(CultureInfo.InvariantCulture, $"== qemu {string.Join(' ', accelerator)}, ssh on 127.0.0.1:{_sshPort}, fake Discord on port {_discord.Port}");

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline && !_qemu.HasExited)
        {
            if ((await SshAsync("systemctl is-system-running --wait", TimeSpan.FromSeconds(60))).Output.Trim() is "running" or "degraded")
            {
                return;
            }

            await Task.Delay(2000);
        }

        Assert.Fail(_qemu.HasExited ? "qemu exited: " + await qemuErrors : "the guest did not answer over SSH within 3 minutes");
    }

    /// <summary>
    /// KVM where the host has hardware virtualization for it (kvm_intel, kvm_amd); else qemu's own
    /// emulation (slower, the same guest). Some hosts offer /dev/kvm through kvm_pvm, which boots only
    /// PVM-enabled guest kernels, not Debian's. CHALLENGEBOT_VM_ACCEL=kvm|tcg decides instead.
    /// </summary>
    private static string[] Accelerator()
    {
        var choice = Environment.GetEnvironmentVariable("CHALLENGEBOT_VM_ACCEL");
        var kvm = choice == "kvm" || (choice != "tcg" && File.Exists("/dev/kvm") && (Directory.Exists("/sys/module/kvm_intel") || Directory.Exists("/sys/module/kvm_amd")));
        return kvm ? ["-accel", "kvm", "-cpu", "host"] : ["-accel", "tcg,thread=multi", "-cpu", "max"];
    }

    private Task<ProcessResult> SshAsync(string script, TimeSpan timeout, string shellFlags = "-u") =>
        RunAsync("ssh", [.. SshOptions, "-p", Port(), "root@127.0.0.1", $"bash {shellFlags} -s"], script, timeout);

    private async Task<Dictionary<string, string>> ShowAsync()
    {
        var show = await SshAsync(
            "systemctl show challengebot -p ActiveState,SubState,Result,MainPID,NRestarts,ExecMainCode,ExecMainStatus,Type,UnitFileState", TimeSpan.FromSeconds(60));
        Assert.That(show.Code, Is.Zero, show.Error);
        return show.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }

    private async Task<Dictionary<string, string>> UntilAsync(Func<Dictionary<string, string>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var show = await ShowAsync();
            if (condition(show) || DateTime.UtcNow > deadline)
            {
                return show;
            }

            await Task.Delay(1000);
        }
    }

    private async Task<ProcessResult> HealthzAsync()
    {
        // The guest has no curl; bash's /dev/tcp is enough for one GET.
        const string get = """
            exec 3<>/dev/tcp/127.0.0.1/8080
            printf 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
            cat <&3
            """;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var health = await SshAsync(get, TimeSpan.FromSeconds(30));
            if (health.Output.StartsWith("HTTP/1.1 200", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return health;
            }

            await Task.Delay(2000);
        }
    }

    /// <summary>IDENTIFYs the fake Discord has seen, over every connection.</summary>
    private int Identifies() => _discord.Connections.Sum(c => c.FramesOp(2).Count());

    /// <summary>A slash command from a member with Manage Server, through the live gateway connection; the text of the edited answer.</summary>
    private async Task<string> InteractAsync(string command, string optionsJson)
    {
        await Eventually.ThatAsync(() => _discord.Connections.Count > 0 && _discord.Connections[^1] is { Ended: false } c && c.FramesOp(2).Any(),
            "a live, identified gateway connection", TimeSpan.FromSeconds(60));
        var token = $"vm-interaction-{Interlocked.Increment(ref _interaction)}";
        _discord.Connections[^1].SendDispatch("INTERACTION_CREATE", $$$"""
            {"id":"{{{9000 + _interaction}}}","application_id":"111","type":2,"token":"{{{token}}}","version":1,"channel_id":"77","guild_id":"{{{Guild}}}",
             "member":{"user":{"id":"501","username":"admin"},"permissions":"32"},"data":{"id":"1","name":"{{{command}}}","type":1,"options":{{{optionsJson}}}}}
            """);
        await Eventually.ThatAsync(() => _discord.RestRequests.Any(r => r.Method == "PATCH" && r.IsFor(token)),
            $"the answer to /{command}", TimeSpan.FromSeconds(90));
        return _discord.RestRequests.First(r => r.Method == "PATCH" && r.IsFor(token)).Body;
    }

    private sealed record ProcessResult(int Code, string Output, string Error);
}
