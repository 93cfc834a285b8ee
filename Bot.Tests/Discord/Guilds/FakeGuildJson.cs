namespace Bot.Tests.Discord.Guilds;

/// <summary>
/// The GUILDS intent's events as the fake Discord sends them (ids and bit sets as strings, as Discord does): a guild
/// with its @everyone role, other roles, channels with overwrites and the bot's member (user 222, the fake's READY user).
/// </summary>
internal static class FakeGuildJson
{
    public const long BotUserId = 222;
    public const string ViewSendAttach = "101376"; // VIEW_CHANNEL | SEND_MESSAGES | ATTACH_FILES
    public const string View = "1024";
    public const string Attach = "32768";

    /// <param name="roles">Role id and permission bits; the guild's own id is @everyone.</param>
    /// <param name="channels">Channel id and its overwrites (from <see cref="Overwrite"/>).</param>
    /// <param name="botRoles">The bot member's roles; null leaves the bot out of <c>members</c>.</param>
    public static string GuildCreate(long guildId, (long Id, string Permissions)[] roles, (long Id, string[] Overwrites)[] channels, long[]? botRoles, string locale = "de")
    {
        var roleJson = string.Join(',', roles.Select(r => $$"""{"id":"{{r.Id}}","name":"r{{r.Id}}","permissions":"{{r.Permissions}}"}"""));
        var channelJson = string.Join(',', channels.Select(c =>
            $$"""{"id":"{{c.Id}}","type":0,"guild_id":"{{guildId}}","name":"c{{c.Id}}","permission_overwrites":[{{string.Join(',', c.Overwrites)}}]}"""));
        var members = botRoles is null ? "" : $$"""{"user":{"id":"{{BotUserId}}","username":"bot"},"roles":[{{string.Join(',', botRoles.Select(r => $"\"{r}\""))}}]}""";
        return $$"""
            {"id":"{{guildId}}","name":"Runners","owner_id":"9","preferred_locale":"{{locale}}","unavailable":false,
             "roles":[{{roleJson}}],"channels":[{{channelJson}}],"members":[{{members}}]}
            """;
    }

    /// <param name="type">0 for a role (the guild's id is @everyone), 1 for a member.</param>
    public static string Overwrite(long id, int type, string allow, string deny) =>
        $$"""{"id":"{{id}}","type":{{type}},"allow":"{{allow}}","deny":"{{deny}}"}""";
}
