using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Bot.Tests.Support;

namespace Bot.Tests.Hosting;

/// <summary>
/// Type=notify in the real process: the test plays systemd's notify socket (a Unix datagram socket
/// named by NOTIFY_SOCKET) and checks READY=1 comes only once Discord has answered READY, and
/// STOPPING=1 when the bot gets SIGTERM.
/// </summary>
[Category(TestCategories.Process)]
public sealed class SystemdNotifyTests
{
    [Test]
    public async Task Start_WithNotifySocket_ReadyOnlyAfterDiscordReadyThenStoppingOnSigterm()
    {
        if (!Socket.OSSupportsUnixDomainSockets || OperatingSystem.IsWindows())
        {
            Skip.Because("systemd's notify protocol needs Unix datagram sockets");
        }

        // A slow READY; a long heartbeat interval so the delayed ACK of a first beat is no zombie.
        await using var world = await BotWorld.CreateAsync("notify", heartbeatIntervalMs: 30_000);
        var discord = world.Discord;
        discord.ReadyDelay = TimeSpan.FromSeconds(2);
        var socketPath = Path.Combine(world.Folder, "notify.sock");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(socketPath));
        var bot = world.Start(new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = socketPath });

        var messages = new List<(string Text, long At)>();
        var ready = Receive(systemd, messages, "READY=1", TimeSpan.FromSeconds(60));
        Assert.That(ready, Is.True, "READY=1 never came: " + string.Join(" | ", messages.Select(m => m.Text)));
        var readyAt = messages.Single(m => m.Text.Contains("READY=1", StringComparison.Ordinal)).At;

        using (var kill = Process.Start("kill", ["-TERM", bot.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var stopping = Receive(systemd, messages, "STOPPING=1", TimeSpan.FromSeconds(30));
        await bot.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(discord.ReadySentAt, Is.Not.Zero);
            Assert.That(readyAt, Is.GreaterThan(discord.ReadySentAt), "ready means connected: not before Discord's READY (sent 2 s after IDENTIFY)");
            Assert.That(messages.Select(m => m.Text), Has.Some.StartsWith("STATUS="), "a status line for systemctl status");
            Assert.That(stopping, Is.True, "STOPPING=1 on SIGTERM");
            Assert.That(bot.Process.ExitCode, Is.Zero, "a clean stop");
        });
    }

    private static bool Receive(Socket socket, List<(string Text, long At)> messages, string wanted, TimeSpan timeout)
    {
        var buffer = new byte[4096];
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (!socket.Poll(TimeSpan.FromMilliseconds(200), SelectMode.SelectRead))
            {
                continue;
            }

            var read = socket.Receive(buffer);
            var text = Encoding.UTF8.GetString(buffer, 0, read);
            messages.Add((text, Stopwatch.GetTimestamp()));
            if (text.Split('\n').Contains(wanted))
            {
                return true;
            }
        }

        return false;
    }
}
