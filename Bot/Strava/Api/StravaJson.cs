using System.Text.Json;

namespace Bot.Strava.Api;

/// <summary>Strava's JSON: snake_case names, numbers as numbers.</summary>
internal static class StravaJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
