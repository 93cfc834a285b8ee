using System.Text.Json;

namespace Bot.Discord.Gateway;

/// <summary>
/// A received frame: <c>op</c>, <c>s</c>, <c>t</c>, and <c>d</c> as an owned copy. Parsing stops
/// there; the payload's meaning is for the sinks.
/// </summary>
internal readonly record struct GatewayFrame(int Opcode, long? Sequence, string? EventName, JsonElement Data)
{
    /// <summary>Parses a frame; throws <see cref="JsonException"/> or <see cref="FormatException"/> when malformed.</summary>
    public static GatewayFrame Parse(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number)
        {
            throw new FormatException("A gateway frame needs a numeric op.");
        }

        long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
        var eventName = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        return new GatewayFrame(op.GetInt32(), sequence, eventName, data);
    }
}
