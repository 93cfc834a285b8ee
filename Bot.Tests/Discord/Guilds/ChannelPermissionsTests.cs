using System.Collections.Immutable;
using Bot.Discord.Entities;
using Bot.Discord.Guilds;

namespace Bot.Tests.Discord.Guilds;

/// <summary>The bot's permissions in a channel, computed the Discord way from roles and overwrites.</summary>
[Category(TestCategories.Unit)]
public sealed class ChannelPermissionsTests
{
    private const ulong Guild = 100;
    private const ulong Bot = 222;
    private const ulong BotRole = 300;
    private const ulong OtherRole = 301;
    private const Permissions Post = ChannelAccess.PostWithFiles;

    [Test]
    public void Compute_EveryoneRoleGrants_BotHasThem()
    {
        var granted = Compute(everyone: Post, botRole: Permissions.None);

        Assert.That(ChannelPermissions.Missing(granted, Post), Is.EqualTo(Permissions.None));
    }

    [Test]
    public void Compute_EveryoneOverwriteDeniesView_NothingElseCounts()
    {
        var granted = Compute(Post, Permissions.None, new PermissionOverwrite(Guild, PermissionOverwrite.RoleType, Permissions.None, Permissions.ViewChannel));

        Assert.That(ChannelPermissions.Missing(granted, Post), Is.EqualTo(Post));
    }

    [Test]
    public void Compute_RoleOverwriteAllowsWhatEveryoneOverwriteDenies_Allowed()
    {
        var granted = Compute(Post, Permissions.None,
            new PermissionOverwrite(Guild, PermissionOverwrite.RoleType, Permissions.None, Permissions.SendMessages),
            new PermissionOverwrite(BotRole, PermissionOverwrite.RoleType, Permissions.SendMessages, Permissions.None));

        Assert.That(ChannelPermissions.Missing(granted, Post), Is.EqualTo(Permissions.None));
    }

    [Test]
    public void Compute_RoleAllowsAndAnotherRoleDenies_AllowWins()
    {
        var granted = Compute(Post, Permissions.None,
            new PermissionOverwrite(BotRole, PermissionOverwrite.RoleType, Permissions.None, Permissions.AttachFiles),
            new PermissionOverwrite(OtherRole, PermissionOverwrite.RoleType, Permissions.AttachFiles, Permissions.None));

        Assert.That(ChannelPermissions.Missing(granted, Post), Is.EqualTo(Permissions.None));
    }

    [Test]
    public void Compute_MemberOverwriteDeniesWhatRolesAllow_Denied()
    {
        var granted = Compute(Permissions.None, Post, new PermissionOverwrite(Bot, PermissionOverwrite.MemberType, Permissions.None, Permissions.AttachFiles));

        Assert.That(ChannelPermissions.Missing(granted, Post), Is.EqualTo(Permissions.AttachFiles));
    }

    [Test]
    public void Compute_AdministratorRole_OverwritesIgnored()
    {
        var granted = Compute(Permissions.None, Permissions.Administrator, new PermissionOverwrite(Bot, PermissionOverwrite.MemberType, Permissions.None, Post));

        Assert.That(ChannelPermissions.Missing(granted, Post), Is.EqualTo(Permissions.None));
    }

    [Test]
    public void Missing_SendMessagesDenied_AttachFilesCountsAsMissingToo()
    {
        var missing = ChannelPermissions.Missing(Permissions.ViewChannel | Permissions.AttachFiles, Post);

        Assert.That(missing, Is.EqualTo(Permissions.SendMessages | Permissions.AttachFiles));
    }

    private static Permissions Compute(Permissions everyone, Permissions botRole, params PermissionOverwrite[] overwrites)
    {
        var guild = new CachedGuild(
            Guild,
            OwnerId: 9,
            PreferredLocale: null,
            ImmutableDictionary<ulong, Permissions>.Empty.Add(Guild, everyone).Add(BotRole, botRole).Add(OtherRole, Permissions.None),
            ImmutableDictionary<ulong, CachedChannel>.Empty,
            [BotRole, OtherRole]);
        return ChannelPermissions.Compute(guild, Bot, [BotRole, OtherRole], new CachedChannel(50, 0, "recaps", overwrites));
    }
}
