namespace Bot.Configuration;

/// <summary>Discord settings. The token is a secret: environment or .env only, never logged.</summary>
public sealed class DiscordOptions
{
    [ConfigurationKeyName("DISCORD_TOKEN")]
    public string? Token { get; set; }

    /// <summary>Register commands in this one guild (instant) instead of globally.</summary>
    [ConfigurationKeyName("DISCORD_GUILD_ID")]
    public ulong? GuildId { get; set; }
}
