using System.Text.Json;

namespace Bot.Discord.Rest;

/// <summary>Discord's JSON answers: any body as a detached element, and the fields of an error body.</summary>
internal static class DiscordErrorBody
{
    public static JsonElement? ParseBody(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static (int? Code, string? Message, double? RetryAfter, bool Global) Parse(byte[] content)
    {
        if (ParseBody(content) is not { ValueKind: JsonValueKind.Object } body)
        {
            return (null, null, null, false);
        }

        int? code = body.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var ci) ? ci : null;
        var message = body.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        double? retry = body.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : null;
        var global = body.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
        return (code, message, retry, global);
    }
}
