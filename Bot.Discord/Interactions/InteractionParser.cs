using System.Globalization;
using System.Text.Json;
using Bot.Discord.Entities;

namespace Bot.Discord.Interactions;

/// <summary>Reads an INTERACTION_CREATE <c>d</c>. Malformed input throws <see cref="FormatException"/>.</summary>
internal static class InteractionParser
{
    public static DiscordInteraction Parse(JsonElement d, long receivedTimestamp)
    {
        try
        {
            var userElement = d.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object
                ? member.GetProperty("user")
                : d.GetProperty("user");
            Permissions? permissions = member.ValueKind == JsonValueKind.Object && member.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.String
                ? (Permissions)ulong.Parse(p.GetString()!, CultureInfo.InvariantCulture)
                : null;
            var invoker = new DiscordUser(
                Snowflake(userElement.GetProperty("id")),
                userElement.GetProperty("username").GetString() ?? "",
                userElement.TryGetProperty("global_name", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null);

            var path = new List<string>();
            IReadOnlyList<InteractionOption> options = [];
            if (d.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("name", out var name))
            {
                path.Add(name.GetString() ?? "");
                options = ParseOptions(data);
                while (options is [{ Type: 1 or 2 } sub])
                {
                    path.Add(sub.Name);
                    options = sub.Options;
                }
            }

            return new DiscordInteraction(
                Snowflake(d.GetProperty("id")),
                Snowflake(d.GetProperty("application_id")),
                d.GetProperty("type").GetInt32(),
                d.GetProperty("token").GetString() ?? throw new FormatException("token is null"),
                OptionalSnowflake(d, "guild_id"),
                OptionalSnowflake(d, "channel_id") ?? (d.TryGetProperty("channel", out var channel) ? Snowflake(channel.GetProperty("id")) : 0),
                invoker,
                permissions,
                string.Join(' ', path),
                options,
                receivedTimestamp)
            {
                AttachmentSizeLimit = d.TryGetProperty("attachment_size_limit", out var limit) && limit.ValueKind == JsonValueKind.Number && limit.TryGetInt64(out var bytes) && bytes > 0
                    ? bytes
                    : null,
                Locale = OptionalString(d, "locale"),
                GuildLocale = OptionalString(d, "guild_locale"),
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or OverflowException or JsonException)
        {
            throw new FormatException("malformed INTERACTION_CREATE: " + e.Message, e);
        }
    }

    private static string? OptionalString(JsonElement d, string name) =>
        d.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<InteractionOption> ParseOptions(JsonElement parent)
    {
        if (!parent.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. options.EnumerateArray().Select(o =>
        {
            var type = o.GetProperty("type").GetInt32();
            object? value = null;
            if (o.TryGetProperty("value", out var v))
            {
                value = type switch
                {
                    4 => v.GetInt64(),
                    10 => v.GetDouble(),
                    5 => v.GetBoolean(),
                    _ => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText(),
                };
            }

            return new InteractionOption(o.GetProperty("name").GetString() ?? "", type, value, ParseOptions(o));
        })];
    }

    private static ulong Snowflake(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? ulong.Parse(element.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture)
            : element.GetUInt64();

    private static ulong? OptionalSnowflake(JsonElement d, string name) =>
        d.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Snowflake(value) : null;
}
