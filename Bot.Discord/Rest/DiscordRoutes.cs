using System.Globalization;

namespace Bot.Discord.Rest;

/// <summary>The routes Bot.Discord calls.</summary>
internal static class DiscordRoutes
{
    public static RestRoute InteractionCallback(ulong interactionId, string token) =>
        new(HttpMethod.Post, "/interactions/{interaction_id}/{token}/callback", $"/interactions/{Id(interactionId)}/{Uri.EscapeDataString(token)}/callback", $"interaction:{Id(interactionId)}", RestRouteKind.InteractionCallback);

    public static RestRoute EditOriginal(ulong applicationId, string token) =>
        new(HttpMethod.Patch, "/webhooks/{application_id}/{token}/messages/@original", $"/webhooks/{Id(applicationId)}/{Uri.EscapeDataString(token)}/messages/@original", WebhookMajor(applicationId, token), RestRouteKind.Webhook);

    public static RestRoute Followup(ulong applicationId, string token) =>
        new(HttpMethod.Post, "/webhooks/{application_id}/{token}", $"/webhooks/{Id(applicationId)}/{Uri.EscapeDataString(token)}", WebhookMajor(applicationId, token), RestRouteKind.Webhook);

    public static RestRoute BulkOverwriteGlobalCommands(ulong applicationId) =>
        new(HttpMethod.Put, "/applications/{application_id}/commands", $"/applications/{Id(applicationId)}/commands", "", RestRouteKind.Bot);

    public static RestRoute BulkOverwriteGuildCommands(ulong applicationId, ulong guildId) =>
        new(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", $"/applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands", $"guild:{Id(guildId)}", RestRouteKind.Bot);

    public static RestRoute CreateMessage(ulong channelId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages", $"/channels/{Id(channelId)}/messages", $"channel:{Id(channelId)}", RestRouteKind.Bot);

    public static RestRoute CreateDirectMessageChannel() =>
        new(HttpMethod.Post, "/users/@me/channels", "/users/@me/channels", "", RestRouteKind.Bot);

    public static RestRoute GetGuild(ulong guildId) =>
        new(HttpMethod.Get, "/guilds/{guild_id}", $"/guilds/{Id(guildId)}", $"guild:{Id(guildId)}", RestRouteKind.Bot);

    public static RestRoute GetGuildMember(ulong guildId, ulong userId) =>
        new(HttpMethod.Get, "/guilds/{guild_id}/members/{user_id}", $"/guilds/{Id(guildId)}/members/{Id(userId)}", $"guild:{Id(guildId)}", RestRouteKind.Bot);

    /// <summary>Any bot route, for callers and tests: major is the first id after channels/guilds/webhooks.</summary>
    public static RestRoute Bot(HttpMethod method, string template, string path, string major) =>
        new(method, template, path, major, RestRouteKind.Bot);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    // The token is part of the major parameter but hashed, so a bucket key never holds the secret.
    private static string WebhookMajor(ulong applicationId, string token) =>
        $"webhook:{Id(applicationId)}:{string.GetHashCode(token, StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture)}";
}
