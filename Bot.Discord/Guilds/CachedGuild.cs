using System.Collections.Immutable;
using Bot.Discord.Entities;

namespace Bot.Discord.Guilds;

/// <summary>
/// A guild as the gateway described it (GUILD_CREATE, then the updates). Immutable: an update replaces the whole
/// record, so a reader never sees half of one.
/// </summary>
/// <param name="BotRoles">The bot member's role ids; null when GUILD_CREATE did not list the bot among its members.</param>
public sealed record CachedGuild(
    ulong Id,
    ulong OwnerId,
    string? PreferredLocale,
    ImmutableDictionary<ulong, Permissions> Roles,
    ImmutableDictionary<ulong, CachedChannel> Channels,
    ImmutableArray<ulong>? BotRoles);
