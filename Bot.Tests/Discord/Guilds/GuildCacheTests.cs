using System.Text.Json;
using Bot.Discord.Entities;
using Bot.Discord.Gateway;
using Bot.Discord.Guilds;
using Bot.Tests.Discord.Rest;
using static Bot.Tests.Discord.Guilds.FakeGuildJson;

namespace Bot.Tests.Discord.Guilds;

/// <summary>The guild cache follows the GUILDS intent's events; the bot's roles come from GUILD_CREATE or, once, from REST.</summary>
[Category(TestCategories.Integration)]
public sealed class GuildCacheTests
{
    private const long Guild = 4545;
    private const long BotRole = 31;
    private const long Channel = 70;

    [Test]
    public async Task CheckAsync_GuildCreateGrantsPosting_UsableAndLocaleKept()
    {
        await using var host = await RestTestHost.StartAsync();
        var cache = Ready(host);

        cache.Post(Dispatch("GUILD_CREATE", GuildCreate(Guild, [(Guild, ViewSendAttach)], [(Channel, [])], [BotRole])));
        var access = await cache.CheckAsync(Guild, Channel, ChannelAccess.PostWithFiles);

        Assert.That((access.Kind, cache.Find(Guild)?.PreferredLocale), Is.EqualTo((ChannelAccessKind.Usable, "de")));
    }

    [Test]
    public async Task CheckAsync_ChannelUpdateDeniesAttachForTheBotsRole_MissingAttachFiles()
    {
        await using var host = await RestTestHost.StartAsync();
        var cache = Ready(host);
        cache.Post(Dispatch("GUILD_CREATE", GuildCreate(Guild, [(Guild, ViewSendAttach), (BotRole, "0")], [(Channel, [])], [BotRole])));

        cache.Post(Dispatch("CHANNEL_UPDATE", $$"""
            {"id":"{{Channel}}","type":0,"guild_id":"{{Guild}}","name":"recaps","permission_overwrites":[{{Overwrite(BotRole, 0, "0", Attach)}}]}
            """));
        var access = await cache.CheckAsync(Guild, Channel, ChannelAccess.PostWithFiles);

        Assert.That((access.Kind, access.Missing), Is.EqualTo((ChannelAccessKind.MissingPermissions, Permissions.AttachFiles)));
    }

    [Test]
    public async Task CheckAsync_RoleUpdateTakesViewFromEveryone_MissingEverything()
    {
        await using var host = await RestTestHost.StartAsync();
        var cache = Ready(host);
        cache.Post(Dispatch("GUILD_CREATE", GuildCreate(Guild, [(Guild, ViewSendAttach)], [(Channel, [])], [])));

        cache.Post(Dispatch("GUILD_ROLE_UPDATE", $$$"""{"guild_id":"{{{Guild}}}","role":{"id":"{{{Guild}}}","permissions":"2048"}}"""));
        var access = await cache.CheckAsync(Guild, Channel, ChannelAccess.PostWithFiles);

        Assert.That(access.Missing, Is.EqualTo(ChannelAccess.PostWithFiles));
    }

    [Test]
    public async Task CheckAsync_BotNotAmongMembers_RolesFetchedOnceFromRest()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("GET", $"/guilds/{Guild}/members/{BotUserId}", FakeResponse.Json($$"""{"user":{"id":"{{BotUserId}}"},"roles":["{{BotRole}}"]}"""));
        var cache = Ready(host);
        cache.Post(Dispatch("GUILD_CREATE", GuildCreate(Guild, [(Guild, "0"), (BotRole, ViewSendAttach)], [(Channel, [])], botRoles: null)));

        var first = await cache.CheckAsync(Guild, Channel, ChannelAccess.PostWithFiles);
        var second = await cache.CheckAsync(Guild, Channel, ChannelAccess.PostWithFiles);

        Assert.That((first.Kind, second.Kind, host.Server.RequestsTo("GET", $"/guilds/{Guild}/members/{BotUserId}").Count),
            Is.EqualTo((ChannelAccessKind.Usable, ChannelAccessKind.Usable, 1)));
    }

    [Test]
    public async Task CheckAsync_GuildDeletedOrChannelDeleted_Unknown()
    {
        await using var host = await RestTestHost.StartAsync();
        var cache = Ready(host);
        cache.Post(Dispatch("GUILD_CREATE", GuildCreate(Guild, [(Guild, ViewSendAttach)], [(Channel, []), (Channel + 1, [])], [])));

        cache.Post(Dispatch("CHANNEL_DELETE", $$"""{"id":"{{Channel}}","type":0,"guild_id":"{{Guild}}"}"""));
        var channelGone = await cache.CheckAsync(Guild, Channel, ChannelAccess.PostWithFiles);
        cache.Post(Dispatch("GUILD_DELETE", $$"""{"id":"{{Guild}}"}"""));
        var guildGone = await cache.CheckAsync(Guild, Channel + 1, ChannelAccess.PostWithFiles);

        Assert.That((channelGone.Kind, guildGone.Kind), Is.EqualTo((ChannelAccessKind.UnknownChannel, ChannelAccessKind.UnknownGuild)));
    }

    private static GuildCache Ready(RestTestHost host)
    {
        var cache = new GuildCache(host.Rest);
        cache.Post(Dispatch("READY", $$"""{"user":{"id":"{{BotUserId}}","username":"bot"},"guilds":[{"id":"{{Guild}}","unavailable":true}]}"""));
        return cache;
    }

    private static GatewayDispatch Dispatch(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new GatewayDispatch(name, 1, document.RootElement.Clone(), 0);
    }
}
