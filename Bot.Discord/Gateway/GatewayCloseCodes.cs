namespace Bot.Discord.Gateway;

/// <summary>The close-code table of the protocol notes, section 1.6.</summary>
internal static class GatewayCloseCodes
{
    /// <summary>Our own close code when we drop a connection but keep the session (never 1000/1001).</summary>
    public const int ResumableClose = 4900;

    public const int NormalClosure = 1000;

    public static GatewayCloseAction Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayCloseAction.Fatal,
        4003 or 4007 or 4009 => GatewayCloseAction.NewSession,
        _ => GatewayCloseAction.Resume,
    };

    public static string Describe(int? code) => code switch
    {
        null => "no close frame",
        4000 => "unknown error",
        4001 => "unknown opcode",
        4002 => "decode error",
        4003 => "not authenticated",
        4004 => "authentication failed: the bot token is invalid",
        4005 => "already authenticated",
        4007 => "invalid sequence",
        4008 => "rate limited",
        4009 => "session timed out",
        4010 => "invalid shard",
        4011 => "sharding required",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable them in the developer portal or remove them",
        _ => "unlisted code",
    };
}
