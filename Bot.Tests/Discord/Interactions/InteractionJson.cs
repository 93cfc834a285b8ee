namespace Bot.Tests.Discord.Interactions;

/// <summary>INTERACTION_CREATE payloads as Discord sends them.</summary>
internal static class InteractionJson
{
    public const ulong ApplicationId = 777;
    public const string Token = "interaction-token-secret";
    private const long DiscordEpochMs = 1420070400000;

    public static ulong SnowflakeAt(DateTimeOffset time, ulong sequence) => ((ulong)(time.ToUnixTimeMilliseconds() - DiscordEpochMs) << 22) | sequence;

    public static string Guild(ulong id, string name, string options = "[]", string token = Token) => $$$"""
        {"id":"{{{id}}}","application_id":"{{{ApplicationId}}}","type":2,"token":"{{{token}}}","version":1,
         "guild_id":"42","channel_id":"43","context":0,"app_permissions":"0","locale":"en-US",
         "member":{"user":{"id":"1001","username":"ana","global_name":"Ana B"},"roles":[],"permissions":"32","joined_at":"2026-01-01T00:00:00Z"},
         "data":{"id":"900","name":"{{{name}}}","type":1,"options":{{{options}}}}}
        """;

    public static string Direct(ulong id, string name, string options = "[]") => $$$"""
        {"id":"{{{id}}}","application_id":"{{{ApplicationId}}}","type":2,"token":"{{{Token}}}","version":1,
         "channel_id":"44","context":1,"app_permissions":"0",
         "user":{"id":"1001","username":"ana","global_name":"Ana B"},
         "data":{"id":"900","name":"{{{name}}}","type":1,"options":{{{options}}}}}
        """;

    public static string Ready(ulong applicationId = ApplicationId) => $$$"""
        {"v":10,"user":{"id":"5","username":"bot"},"guilds":[],"session_id":"s","resume_gateway_url":"wss://x","application":{"id":"{{{applicationId}}}","flags":0}}
        """;
}
