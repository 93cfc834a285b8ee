using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Bot.Discord.Entities;

namespace Bot.Discord.Guilds;

/// <summary>Reads the guild, role, channel and member objects of the gateway's guild events (ids and bit sets are strings).</summary>
internal static class GuildJson
{
    public static ulong Id(JsonElement element, string name = "id") =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    public static Permissions Bits(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? (Permissions)bits : Permissions.None;

    public static ImmutableDictionary<ulong, Permissions> Roles(JsonElement guild, ImmutableDictionary<ulong, Permissions>? fallback) =>
        guild.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array
            ? roles.EnumerateArray().Select(r => (Id: Id(r), Bits: Bits(r, "permissions"))).Where(r => r.Id != 0).ToImmutableDictionary(r => r.Id, r => r.Bits)
            : fallback ?? ImmutableDictionary<ulong, Permissions>.Empty;

    public static ImmutableDictionary<ulong, CachedChannel> Channels(JsonElement guild) =>
        guild.TryGetProperty("channels", out var channels) && channels.ValueKind == JsonValueKind.Array
            ? channels.EnumerateArray().Select(Channel).Where(c => c.Id != 0).ToImmutableDictionary(c => c.Id)
            : ImmutableDictionary<ulong, CachedChannel>.Empty;

    public static CachedChannel Channel(JsonElement channel) => new(
        Id(channel),
        channel.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number ? type.GetInt32() : -1,
        channel.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "",
        channel.TryGetProperty("permission_overwrites", out var overwrites) && overwrites.ValueKind == JsonValueKind.Array
            ? [.. overwrites.EnumerateArray().Select(o => new PermissionOverwrite(
                Id(o), o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : -1, Bits(o, "allow"), Bits(o, "deny")))]
            : []);

    /// <summary>The role ids of <paramref name="userId"/> among the guild's <c>members</c>; null when it is not listed.</summary>
    public static ImmutableArray<ulong>? MemberRoles(JsonElement guild, ulong userId)
    {
        if (!guild.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var member in members.EnumerateArray())
        {
            if (member.TryGetProperty("user", out var user) && Id(user) == userId)
            {
                return RoleIds(member);
            }
        }

        return null;
    }

    /// <summary>A guild member object's <c>roles</c>.</summary>
    public static ImmutableArray<ulong> RoleIds(JsonElement member) =>
        member.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array
            ? [.. roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String)
                .Select(r => ulong.TryParse(r.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id != 0)]
            : [];

    public static string? Locale(JsonElement guild, string? fallback) =>
        guild.TryGetProperty("preferred_locale", out var locale) && locale.ValueKind == JsonValueKind.String ? locale.GetString() : fallback;
}
