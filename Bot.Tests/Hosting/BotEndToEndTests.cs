using System.Text.Json;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;

namespace Bot.Tests.Hosting;

/// <summary>
/// The real bot process against a fake Discord on 127.0.0.1: it identifies, registers its commands
/// once on READY, logs its invite URL once (not again on a resume or a new session), and answers /help by deferring
/// ephemerally and then editing the original response.
/// </summary>
[Category(TestCategories.Process)]
public sealed class BotEndToEndTests
{
    // The fake answers IDENTIFY with a READY for application 111.
    private const string ApplicationId = "111";

    // Embed Links (1 << 14) and Attach Files (1 << 15) are 49152.
    private const string InviteUrl = $"https://discord.com/oauth2/authorize?client_id={ApplicationId}&scope=bot+applications.commands&permissions=49152";
    private BotWorld _world = null!;
    private FakeDiscordGateway _discord = null!;

    [SetUp]
    public async Task SetUp()
    {
        _world = await BotWorld.CreateAsync("e2e");
        _discord = _world.Discord;
        _world.Start(strava: false);
    }

    [TearDown]
    public async Task TearDown() => await _world.DisposeAsync();

    private FakeGatewayConnection Connection => _discord.Connections[^1];

    private async Task<FakeGatewayConnection> ReadyAsync()
    {
        await Eventually.ThatAsync(() => _discord.Connections.Count > 0 && Connection.FramesOp(2).Any(), "IDENTIFY", TimeSpan.FromSeconds(60));
        return Connection;
    }

    [Test]
    public async Task Start_WithFakeDiscord_IdentifiesWithTheGuildsIntentOnlyAndRegistersCommandsOnce()
    {
        await ReadyAsync();

        await Eventually.ThatAsync(() => _discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", TimeSpan.FromSeconds(20));
        await Task.Delay(500);
        var identify = Connection.FramesOp(2).Single().Data;
        var registrations = _discord.RestRequests.Where(r => r.Method == "PUT").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(identify.GetProperty("intents").GetInt32(), Is.EqualTo(1), "GUILDS (1 << 0), not privileged: the recap channel's permission check");
            Assert.That(registrations, Has.Count.EqualTo(1));
            Assert.That(registrations[0].Path, Is.EqualTo($"/api/v10/applications/{ApplicationId}/commands"));
            Assert.That(JsonDocument.Parse(registrations[0].Body).RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()),
                Does.Contain("help"));
        });
    }

    [Test]
    public async Task Help_InteractionInGuild_DefersEphemeralThenEditsOriginalWithTheCommandList()
    {
        var connection = await ReadyAsync();
        await Eventually.ThatAsync(() => _discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", TimeSpan.FromSeconds(20));

        connection.SendDispatch("INTERACTION_CREATE", $$$"""
            {"id":"5001","application_id":"{{{ApplicationId}}}","type":2,"token":"e2e-interaction-token","version":1,
             "guild_id":"42","channel_id":"77","member":{"user":{"id":"300","username":"anna"},"permissions":"0"},
             "data":{"id":"1","name":"help","type":1}}
            """);

        await Eventually.ThatAsync(() => _discord.RestRequests.Any(r => r.Method == "PATCH"), "the edited response", TimeSpan.FromSeconds(20));
        var callback = _discord.RestRequests.Single(r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
        var edit = _discord.RestRequests.First(r => r.Method == "PATCH");
        using var defer = JsonDocument.Parse(callback.Body);
        Assert.Multiple(() =>
        {
            Assert.That(callback.Path, Is.EqualTo("/api/v10/interactions/5001/e2e-interaction-token/callback"));
            Assert.That(defer.RootElement.GetProperty("type").GetInt32(), Is.EqualTo(5));
            Assert.That(defer.RootElement.GetProperty("data").GetProperty("flags").GetInt32(), Is.EqualTo(64));
            Assert.That(edit.Path, Is.EqualTo($"/api/v10/webhooks/{ApplicationId}/e2e-interaction-token/messages/@original"));
            Assert.That(edit.Body, Does.Contain("/help"));
            Assert.That(callback.Head, Does.Not.Contain(BotWorld.DiscordToken));
        });
    }

    [Test]
    public async Task Start_GatewayClosesWith4004_OneCriticalLineAndNonZeroExit()
    {
        var connection = await ReadyAsync();

        connection.Close(4004);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _world.Bot!.Process.WaitForExitAsync(timeout.Token);
        var log = await _world.Bot!.LogAsync();
        Assert.Multiple(() =>
        {
            Assert.That(_world.Bot!.Process.ExitCode, Is.Not.Zero);
            Assert.That(log, Does.Contain("4004"));
            Assert.That(log, Does.Not.Contain(BotWorld.DiscordToken));
            Assert.That(_discord.Connections, Has.Count.EqualTo(1), "a fatal close is never retried");
        });
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

        await _world.Bot!.SigtermAsync(TimeSpan.FromSeconds(60)); // so the process flushes its log and ends by itself

        var log = await _world.Bot!.LogAsync();
        var invites = log.Split('\n').Where(line => line.Contains("discord.com/oauth2/authorize", StringComparison.Ordinal)).ToList();
        Assert.That(invites, Has.Count.EqualTo(1), log);
        Assert.That(invites[0].TrimEnd(), Does.EndWith(": " + InviteUrl));
    }

    private async Task WaitForConnectionAsync(int count, int op, string what) =>
        await Eventually.ThatAsync(() => _discord.Connections.Count >= count && _discord.Connections[count - 1].FramesOp(op).Any(), what, TimeSpan.FromSeconds(60));

    /// <summary>A /help answered on the new session: its READY, which came before, has been handled.</summary>
    private async Task AnswerHelpAsync(FakeGatewayConnection connection)
    {
        connection.SendDispatch("INTERACTION_CREATE", $$$"""
            {"id":"7001","application_id":"{{{ApplicationId}}}","type":2,"token":"invite-interaction-token","version":1,
             "guild_id":"42","channel_id":"77","member":{"user":{"id":"300","username":"anna"},"permissions":"0"},
             "data":{"id":"1","name":"help","type":1}}
            """);
        await Eventually.ThatAsync(() => _discord.RestRequests.Any(r => r.Method == "PATCH" && r.Path.Contains("invite-interaction-token", StringComparison.Ordinal)),
            "the answer to /help", TimeSpan.FromSeconds(20));
    }
}
