using System.Text.Json;

namespace Bot.Tests.Discord.Gateway;

/// <summary>A frame the client sent, with its op, its <c>d</c> and when it was sent (timestamp of the clock in use).</summary>
internal sealed record SentFrame(int Op, JsonElement Data, string Json, long Timestamp)
{
    public static SentFrame Parse(ReadOnlySpan<byte> utf8, long timestamp)
    {
        using var document = JsonDocument.Parse(utf8.ToArray());
        var root = document.RootElement;
        return new SentFrame(root.GetProperty("op").GetInt32(), root.GetProperty("d").Clone(), System.Text.Encoding.UTF8.GetString(utf8), timestamp);
    }
}
