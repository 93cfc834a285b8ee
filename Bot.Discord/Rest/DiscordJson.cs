using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Rest;

/// <summary>Discord's JSON: snake_case, nulls left out.</summary>
internal static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);
}
