using System.Collections.Immutable;
using System.Text.Json;
using Bot.Discord.Entities;
using Bot.Discord.Gateway;
using Bot.Discord.Rest;

namespace Bot.Discord.Guilds;

/// <summary>
/// The guilds the bot is in, as the GUILDS intent describes them (GUILD_CREATE/UPDATE/DELETE, GUILD_ROLE_*,
/// CHANNEL_*): roles, channels with their overwrites, the preferred locale and the bot's own roles. Small on purpose:
/// only what deciding "can the bot post here" needs. The sink runs on the gateway read thread, so each event only
/// swaps in a new immutable record.
/// </summary>
public sealed class GuildCache(DiscordRestClient rest) : IGatewayEventSink
{
    private readonly Lock _lock = new();
    private ImmutableDictionary<ulong, CachedGuild> _guilds = ImmutableDictionary<ulong, CachedGuild>.Empty;
    private ulong _botId;

    /// <summary>The bot's user id, from READY; 0 before it.</summary>
    public ulong BotId => Volatile.Read(ref _botId);

    public CachedGuild? Find(ulong guildId) => Volatile.Read(ref _guilds).GetValueOrDefault(guildId);

    public void Post(GatewayDispatch dispatch)
    {
        var d = dispatch.Data;
        switch (dispatch.EventName)
        {
            case "READY" when d.TryGetProperty("user", out var user):
                Volatile.Write(ref _botId, GuildJson.Id(user));
                break;
            case "GUILD_CREATE" when !Unavailable(d):
                Put(GuildJson.Id(d), _ => new CachedGuild(
                    GuildJson.Id(d), GuildJson.Id(d, "owner_id"), GuildJson.Locale(d, null), GuildJson.Roles(d, null), GuildJson.Channels(d), GuildJson.MemberRoles(d, BotId)));
                break;
            case "GUILD_UPDATE":
                Put(GuildJson.Id(d), g => g is null ? null : g with { OwnerId = GuildJson.Id(d, "owner_id"), PreferredLocale = GuildJson.Locale(d, g.PreferredLocale), Roles = GuildJson.Roles(d, g.Roles) });
                break;
            case "GUILD_DELETE" when !Unavailable(d):
                // Unavailable means an outage: the guild comes back with a GUILD_CREATE. Otherwise the bot left it.
                Put(GuildJson.Id(d), _ => null);
                break;
            case "GUILD_ROLE_CREATE" or "GUILD_ROLE_UPDATE" when d.TryGetProperty("role", out var role):
                Put(GuildJson.Id(d, "guild_id"), g => g is null ? null : g with { Roles = g.Roles.SetItem(GuildJson.Id(role), GuildJson.Bits(role, "permissions")) });
                break;
            case "GUILD_ROLE_DELETE":
                Put(GuildJson.Id(d, "guild_id"), g => g is null ? null : g with { Roles = g.Roles.Remove(GuildJson.Id(d, "role_id")) });
                break;
            case "CHANNEL_CREATE" or "CHANNEL_UPDATE":
                Put(GuildJson.Id(d, "guild_id"), g => g is null ? null : g with { Channels = g.Channels.SetItem(GuildJson.Id(d), GuildJson.Channel(d)) });
                break;
            case "CHANNEL_DELETE":
                Put(GuildJson.Id(d, "guild_id"), g => g is null ? null : g with { Channels = g.Channels.Remove(GuildJson.Id(d)) });
                break;
            case "GUILD_MEMBER_UPDATE" when d.TryGetProperty("user", out var member) && GuildJson.Id(member) == BotId:
                Put(GuildJson.Id(d, "guild_id"), g => g is null ? null : g with { BotRoles = GuildJson.RoleIds(d) });
                break;
        }
    }

    /// <summary>
    /// Whether the bot has <paramref name="needed"/> in the channel, from the cached roles and overwrites. The bot's own
    /// roles come from GUILD_CREATE, or once from <c>GET /guilds/{id}/members/{bot}</c> when it did not list them.
    /// </summary>
    public async Task<ChannelAccess> CheckAsync(ulong guildId, ulong channelId, Permissions needed, CancellationToken cancellationToken = default)
    {
        if (Find(guildId) is not { } guild)
        {
            return new ChannelAccess(ChannelAccessKind.UnknownGuild);
        }

        // Text (0) and announcement (5) channels take messages; the option offers only those, a raw id might not.
        if (!guild.Channels.TryGetValue(channelId, out var channel) || channel.Type is not (0 or 5))
        {
            return new ChannelAccess(ChannelAccessKind.UnknownChannel);
        }

        var roles = guild.BotRoles;
        if (roles is null && BotId != 0 && await rest.GetGuildMemberRolesAsync(guildId, BotId, cancellationToken).ConfigureAwait(false) is { } fetched)
        {
            roles = fetched;
            Put(guildId, g => g is null ? null : g with { BotRoles = fetched });
        }

        if (roles is not { } botRoles)
        {
            return new ChannelAccess(ChannelAccessKind.UnknownMember);
        }

        var missing = ChannelPermissions.Missing(ChannelPermissions.Compute(guild, BotId, botRoles, channel), needed);
        return missing == Permissions.None ? new ChannelAccess(ChannelAccessKind.Usable) : new ChannelAccess(ChannelAccessKind.MissingPermissions, missing);
    }

    private static bool Unavailable(JsonElement d) => d.TryGetProperty("unavailable", out var u) && u.ValueKind == JsonValueKind.True;

    private void Put(ulong guildId, Func<CachedGuild?, CachedGuild?> change)
    {
        if (guildId == 0)
        {
            return;
        }

        lock (_lock)
        {
            var next = change(_guilds.GetValueOrDefault(guildId));
            Volatile.Write(ref _guilds, next is null ? _guilds.Remove(guildId) : _guilds.SetItem(guildId, next));
        }
    }
}
