using System.Text.Json;

namespace Bot.Discord.Gateway;

/// <summary>The parts of <c>GET /gateway/bot</c> we use.</summary>
internal sealed record GatewayBotInfo(Uri Url, int Remaining, TimeSpan ResetAfter, int MaxConcurrency)
{
    public static GatewayBotInfo Parse(JsonElement root)
    {
        var url = new Uri(root.GetProperty("url").GetString() ?? throw new FormatException("url is null"));
        var remaining = 1;
        var resetAfter = TimeSpan.Zero;
        var maxConcurrency = 1;
        if (root.TryGetProperty("session_start_limit", out var limit) && limit.ValueKind == JsonValueKind.Object)
        {
            remaining = limit.TryGetProperty("remaining", out var r) ? r.GetInt32() : 1;
            resetAfter = limit.TryGetProperty("reset_after", out var ra) ? TimeSpan.FromMilliseconds(ra.GetDouble()) : TimeSpan.Zero;
            maxConcurrency = limit.TryGetProperty("max_concurrency", out var mc) ? Math.Max(1, mc.GetInt32()) : 1;
        }

        return new GatewayBotInfo(url, remaining, resetAfter, maxConcurrency);
    }
}
