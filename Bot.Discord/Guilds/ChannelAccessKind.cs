namespace Bot.Discord.Guilds;

/// <summary>What the bot found out about posting in a channel.</summary>
public enum ChannelAccessKind
{
    /// <summary>It can see the channel, post and attach files.</summary>
    Usable,

    /// <summary>It lacks some of the permissions (<see cref="ChannelAccess.Missing"/>).</summary>
    MissingPermissions,

    /// <summary>The gateway has not described this guild (yet), or the bot is not in it.</summary>
    UnknownGuild,

    /// <summary>The guild has no such channel, or it is not one messages can be posted in.</summary>
    UnknownChannel,

    /// <summary>The bot's own roles in the guild could not be found out.</summary>
    UnknownMember,
}
