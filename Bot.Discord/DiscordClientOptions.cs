namespace Bot.Discord;

/// <summary>Settings of the Discord client. The token is a secret: never logged, never in an exception message.</summary>
public sealed class DiscordClientOptions
{
    /// <summary>
    /// The process exit code when Discord refuses the settings for good (bad token, disallowed intents):
    /// distinct from a crash (1) so a supervisor can leave it stopped instead of retrying a lost cause.
    /// </summary>
    public const int FatalExitCode = 3;

    public string Token { get; set; } = "";

    /// <summary>REST base URL including the version (DISCORD_API_BASE_URL).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>Gateway intents for IDENTIFY; a slash-command bot needs none.</summary>
    public int Intents { get; set; }

    /// <summary>When set, commands are registered in this guild only (instant), else globally.</summary>
    public ulong? GuildId { get; set; }

    /// <summary>A handler running longer than this is logged by name.</summary>
    public TimeSpan HandlerWarningThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A heartbeat ACK later than this (or a heartbeat sent this late) is logged.</summary>
    public TimeSpan HeartbeatWarningThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a rate-limited (429) REST request is retried before it fails.</summary>
    public int MaxRestRetries { get; set; } = 3;

    /// <summary>For the User-Agent header: DiscordBot (url, version).</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/challengebot/challengebot";

    public string UserAgentVersion { get; set; } = "1.0";
}
