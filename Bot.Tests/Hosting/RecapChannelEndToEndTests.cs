using System.Text.Json;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;
using static Bot.Tests.Discord.Guilds.FakeGuildJson;

namespace Bot.Tests.Hosting;

/// <summary>
/// /admin channel in the real bot process: the fake Discord describes the server after READY (GUILD_CREATE with roles,
/// channels and the bot's member), and the bot checks its permissions from that before it saves anything.
/// </summary>
[Category(TestCategories.Process)]
public sealed class RecapChannelEndToEndTests
{
    private const long Guild = 6101;
    private const long BotRole = 61;
    private const long Usable = 880;
    private const long NoSendOrFiles = 881;
    private const long Hidden = 882;
    private BotWorld _world = null!;
    private SlashCommands _commands = null!;

    [OneTimeSetUp]
    public async Task StartBotAsync()
    {
        _world = await BotWorld.CreateAsync("recap-channel");
        _world.Discord.Guilds.Add(GuildCreate(Guild, [(Guild, ViewSendAttach), (BotRole, "0")],
        [
            (Usable, []),
            (NoSendOrFiles, [Overwrite(Guild, 0, "0", "34816")]),
            (Hidden, [Overwrite(BotRole, 0, "0", View)]),
        ], [BotRole]));
        _world.Start();
        _commands = new SlashCommands(_world.Discord, Guild);
        await Eventually.ThatAsync(() => _world.Discord.GuildCreatesSent > 0, "GUILD_CREATE after READY", TimeSpan.FromSeconds(60));
    }

    [OneTimeTearDown]
    public async Task StopBotAsync() => await _world.DisposeAsync();

    [TestCase(NoSendOrFiles, "I am missing Send Messages, Attach Files there")]
    [TestCase(Hidden, "I am missing View Channel, Send Messages, Attach Files there")]
    public async Task Set_ChannelTheBotCannotPostIn_OneClearPrivateLineAndNothingSaved(long channel, string missing)
    {
        var answer = await SetAsync(channel, "");

        Assert.That(answer, Is.EqualTo($"I can't use <#{channel}>: {missing}. Give my role that in the channel's permissions, then run this again. Nothing was saved."));
        Assert.That(_world.Probe.Count($"SELECT COUNT(*) FROM channel_settings WHERE channel_id = {channel}"), Is.Zero);
    }

    [Test]
    public async Task SetThenShowThenOff_UsableChannel_SavedShownAndStopped()
    {
        var set = await SetAsync(Usable, """,{"name":"time","type":3,"value":"18:30"}""");
        var saved = _world.Probe.Rows($"SELECT channel_id, recap_minute_of_day FROM channel_settings WHERE guild_id = {Guild}");
        var show = await SubcommandAsync("show", "");
        var off = await SubcommandAsync("off", "");

        Assert.Multiple(() =>
        {
            Assert.That(set, Does.StartWith($"Recaps go to <#{Usable}> every Monday at 18:30 (UTC); the next on Monday "));
            Assert.That(saved, Is.EqualTo(new[] { $"{Usable}|{(18 * 60) + 30}" }));
            Assert.That(show, Does.StartWith($"Recaps go to <#{Usable}> every Monday at 18:30 (UTC)").And.EndWith("No post yet."));
            Assert.That(off, Is.EqualTo("Recap posts are off. `/admin channel set` switches them on again."));
            Assert.That(_world.Probe.Count($"SELECT COUNT(*) FROM channel_settings WHERE guild_id = {Guild} AND channel_id IS NULL"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Set_BadTime_OneLineAndNothingSaved()
    {
        var answer = await SetAsync(Usable, """,{"name":"time","type":3,"value":"25:00"}""");

        Assert.That(answer, Is.EqualTo("`time` must be a time of day as HH:MM, e.g. 08:00 or 18:30. Nothing was saved."));
        Assert.That(_world.Probe.Count($"SELECT COUNT(*) FROM channel_settings WHERE recap_minute_of_day = {25 * 60}"), Is.Zero);
    }

    private Task<string> SetAsync(long channel, string moreOptions) =>
        SubcommandAsync("set", $$"""{"name":"channel","type":7,"value":"{{channel}}"}{{moreOptions}}""");

    private async Task<string> SubcommandAsync(string name, string options)
    {
        var (answer, _) = await _commands.InvokeAsync("admin", $$"""[{"name":"channel","type":2,"options":[{"name":"{{name}}","type":1,"options":[{{options}}]}]}]""", permissions: "32", settle: TimeSpan.Zero);
        using var edit = JsonDocument.Parse(answer.Body);
        return edit.RootElement.GetProperty("content").GetString()!;
    }
}
