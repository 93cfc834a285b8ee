using System.Text.Json;

namespace Bot.Discord.Gateway;

/// <summary>A RATE_LIMITED dispatch: the gateway refused a request with <see cref="Opcode"/> for <see cref="RetryAfter"/>.</summary>
public sealed record GatewayRateLimited(int Opcode, TimeSpan RetryAfter)
{
    public const string EventName = "RATE_LIMITED";

    public static bool TryParse(JsonElement data, out GatewayRateLimited? rateLimited)
    {
        rateLimited = null;
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("opcode", out var opcode) || !opcode.TryGetInt32(out var op)
            || !data.TryGetProperty("retry_after", out var retry) || !retry.TryGetDouble(out var seconds))
        {
            return false;
        }

        rateLimited = new GatewayRateLimited(op, TimeSpan.FromSeconds(seconds));
        return true;
    }
}
