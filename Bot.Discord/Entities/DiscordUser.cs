namespace Bot.Discord.Entities;

/// <summary>Who ran a command: the same for a guild (<c>member.user</c>) and a DM (<c>user</c>).</summary>
public sealed record DiscordUser(ulong Id, string Username, string? GlobalName)
{
    /// <summary>The name Discord shows: the global display name when set, else the username.</summary>
    public string DisplayName => GlobalName ?? Username;
}
