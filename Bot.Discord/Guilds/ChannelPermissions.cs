using Bot.Discord.Entities;

namespace Bot.Discord.Guilds;

/// <summary>
/// A member's permissions in a channel, computed as Discord does: the @everyone role and the member's roles, everything
/// for the owner or an ADMINISTRATOR, then the channel's overwrites for @everyone, for the member's roles (all denies,
/// then all allows) and for the member.
/// </summary>
public static class ChannelPermissions
{
    private const Permissions All = (Permissions)ulong.MaxValue;

    public static Permissions Compute(CachedGuild guild, ulong memberId, IReadOnlyCollection<ulong> memberRoles, CachedChannel channel)
    {
        if (memberId == guild.OwnerId)
        {
            return All;
        }

        var permissions = guild.Roles.GetValueOrDefault(guild.Id);
        foreach (var role in memberRoles)
        {
            permissions |= guild.Roles.GetValueOrDefault(role);
        }

        if ((permissions & Permissions.Administrator) != 0)
        {
            return All;
        }

        if (channel.Overwrites.FirstOrDefault(o => o.Type == PermissionOverwrite.RoleType && o.Id == guild.Id) is { } everyone)
        {
            permissions = (permissions & ~everyone.Deny) | everyone.Allow;
        }

        var (allow, deny) = (Permissions.None, Permissions.None);
        foreach (var overwrite in channel.Overwrites.Where(o => o.Type == PermissionOverwrite.RoleType && o.Id != guild.Id && memberRoles.Contains(o.Id)))
        {
            allow |= overwrite.Allow;
            deny |= overwrite.Deny;
        }

        permissions = (permissions & ~deny) | allow;
        if (channel.Overwrites.FirstOrDefault(o => o.Type == PermissionOverwrite.MemberType && o.Id == memberId) is { } member)
        {
            permissions = (permissions & ~member.Deny) | member.Allow;
        }

        return permissions;
    }

    /// <summary>Which of <paramref name="needed"/> <paramref name="granted"/> lacks; without View Channel nothing else counts, without Send Messages no file goes either.</summary>
    public static Permissions Missing(Permissions granted, Permissions needed)
    {
        if ((granted & Permissions.ViewChannel) == 0)
        {
            granted = Permissions.None;
        }
        else if ((granted & Permissions.SendMessages) == 0)
        {
            granted &= ~Permissions.AttachFiles;
        }

        return needed & ~granted;
    }
}
