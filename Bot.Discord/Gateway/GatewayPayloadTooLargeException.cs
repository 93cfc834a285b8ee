namespace Bot.Discord.Gateway;

/// <summary>A payload over the gateway's 4096-byte limit; it was not sent (Discord would close with 4002).</summary>
public sealed class GatewayPayloadTooLargeException(int size)
    : Exception($"A gateway payload of {size} bytes exceeds the {GatewayPayloads.MaxPayloadBytes}-byte limit and was not sent.")
{
    public int Size { get; } = size;
}
