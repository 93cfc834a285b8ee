using Bot.Discord.Entities;

namespace Bot.Discord.Guilds;

/// <summary>One of a channel's permission overwrites: for a role (type 0; the guild's id is @everyone) or a member (type 1).</summary>
public sealed record PermissionOverwrite(ulong Id, int Type, Permissions Allow, Permissions Deny)
{
    public const int RoleType = 0;
    public const int MemberType = 1;
}
