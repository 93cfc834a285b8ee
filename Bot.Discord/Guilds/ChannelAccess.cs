using Bot.Discord.Entities;

namespace Bot.Discord.Guilds;

/// <summary>Whether the bot can post (with files) in a channel, and if not, why.</summary>
public sealed record ChannelAccess(ChannelAccessKind Kind, Permissions Missing = Permissions.None)
{
    /// <summary>What the bot needs in a channel it posts recaps to.</summary>
    public const Permissions PostWithFiles = Permissions.ViewChannel | Permissions.SendMessages | Permissions.AttachFiles;

    public bool IsUsable => Kind == ChannelAccessKind.Usable;
}
