using System.Diagnostics;
using System.Globalization;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;

namespace Bot.Tests.Hosting;

/// <summary>
/// The real bot process against the fake Discord logs its invite URL on the first READY, once: not again after a
/// resume nor after a new session.
/// </summary>
[NonParallelizable]
public sealed class InviteLinkEndToEndTests
{
    // The fake's READY names application 111; Embed Links (1 << 14) and Attach Files (1 << 15) are 49152.
    private const string InviteUrl = "https://discord.com/oauth2/authorize?client_id=111&scope=bot+applications.commands&permissions=49152";
    private string _folder = null!;
    private FakeDiscordGateway _discord = null!;
    private RunningBot _bot = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("invite-e2e-").FullName;
        _discord = FakeDiscordGateway.Start(heartbeatIntervalMs: 1000);
        _bot = RunningBot.Start(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "invite-secret-token",
            ["DISCORD_API_BASE_URL"] = _discord.ApiBaseUrl.ToString(),
            ["DATABASE_PATH"] = Path.Combine(_folder, "bot.db"),
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _bot.ReportIfFailedAsync();
        await _bot.DisposeAsync();
        _discord.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Ready_ThenResumeAndNewSession_InviteUrlLoggedOnce()
    {
        await WaitForConnectionAsync(1, op: 2, "the first IDENTIFY");
        _discord.Connections[0].Close(4000);
        await WaitForConnectionAsync(2, op: 6, "a RESUME after close code 4000");
        _discord.Connections[1].Close(4009);
        await WaitForConnectionAsync(3, op: 2, "a new IDENTIFY after close code 4009");
        await AnswerHelpAsync(_discord.Connections[2]);

        await StopAsync();

        var log = await _bot.LogAsync();
        var invites = log.Split('\n').Where(line => line.Contains("discord.com/oauth2/authorize", StringComparison.Ordinal)).ToList();
        Assert.That(invites, Has.Count.EqualTo(1), log);
        Assert.That(invites[0].TrimEnd(), Does.EndWith(": " + InviteUrl));
    }

    private async Task WaitForConnectionAsync(int count, int op, string what) =>
        await Eventually.ThatAsync(() => _discord.Connections.Count >= count && _discord.Connections[count - 1].FramesOp(op).Any(), what, TimeSpan.FromSeconds(60));

    /// <summary>A /help answered on the new session: its READY, which came before, has been handled.</summary>
    private async Task AnswerHelpAsync(FakeGatewayConnection connection)
    {
        connection.SendDispatch("INTERACTION_CREATE", """
            {"id":"7001","application_id":"111","type":2,"token":"invite-interaction-token","version":1,
             "guild_id":"42","channel_id":"77","member":{"user":{"id":"300","username":"anna"},"permissions":"0"},
             "data":{"id":"1","name":"help","type":1}}
            """);
        await Eventually.ThatAsync(() => _discord.RestRequests.Any(r => r.Method == "PATCH" && r.Path.Contains("invite-interaction-token", StringComparison.Ordinal)),
            "the answer to /help", TimeSpan.FromSeconds(20));
    }

    /// <summary>SIGTERM, so the process flushes its log and ends by itself.</summary>
    private async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _bot.Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _bot.Process.WaitForExitAsync(deadline.Token);
    }
}
