namespace Bot.Discord.Guilds;

/// <summary>A guild channel as the gateway described it: what the permission check needs.</summary>
public sealed record CachedChannel(ulong Id, int Type, string Name, IReadOnlyList<PermissionOverwrite> Overwrites);
