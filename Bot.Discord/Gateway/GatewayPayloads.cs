using System.Buffers;
using System.Text.Json;

namespace Bot.Discord.Gateway;

/// <summary>Builds the frames the client sends, as UTF-8 JSON.</summary>
internal static class GatewayPayloads
{
    public const int MaxPayloadBytes = 4096;

    public static byte[] Heartbeat(long lastSequence) => Build(GatewayOpcode.Heartbeat, w =>
    {
        if (lastSequence < 0)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteNumberValue(lastSequence);
        }
    });

    public static byte[] Identify(string token, int intents) => Build(GatewayOpcode.Identify, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteNumber("intents", intents);
        w.WriteStartObject("properties");
        w.WriteString("os", OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "unknown");
        w.WriteString("browser", "Bot.Discord");
        w.WriteString("device", "Bot.Discord");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, long sequence) => Build(GatewayOpcode.Resume, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        w.WriteNumber("seq", sequence);
        w.WriteEndObject();
    });

    public static byte[] Generic(int opcode, JsonElement data) => Build(opcode, data.WriteTo);

    private static byte[] Build(int opcode, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", opcode);
            writer.WritePropertyName("d");
            writeData(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
