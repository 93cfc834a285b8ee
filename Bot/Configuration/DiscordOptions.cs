namespace Bot.Configuration;

/// <summary>Discord settings as the environment names them. The token is a secret: environment or .env only, never logged.</summary>
public sealed class DiscordOptions
{
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    [ConfigurationKeyName("DISCORD_TOKEN")]
    public string? Token { get; set; }

    /// <summary>Register commands in this one guild (instant) instead of globally.</summary>
    [ConfigurationKeyName("DISCORD_GUILD_ID")]
    public ulong? GuildId { get; set; }

    /// <summary>The REST base URL with its version; tests point it at a fake.</summary>
    [ConfigurationKeyName("DISCORD_API_BASE_URL")]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Gateway intents; a slash-command bot needs none.</summary>
    [ConfigurationKeyName("DISCORD_INTENTS")]
    public int Intents { get; set; }

    /// <summary>A command handler running longer than this many seconds is logged by name.</summary>
    [ConfigurationKeyName("DISCORD_HANDLER_WARNING_SECONDS")]
    public int HandlerWarningSeconds { get; set; } = 10;
}
