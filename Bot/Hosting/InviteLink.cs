using System.Globalization;

namespace Bot.Hosting;

/// <summary>
/// The URL that adds the bot to a server, with exactly what it needs: the <c>bot</c> scope (the gateway, DMs about
/// Strava links) and <c>applications.commands</c> (the slash commands), and two permissions. Every answer goes through
/// the interaction's webhook, which needs neither View Channel nor Send Messages; Discord does check the app's Embed
/// Links (the answers are embeds) and Attach Files (pictures and exports) in the channel of the interaction.
/// </summary>
internal static class InviteLink
{
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong AttachFiles = 1UL << 15;

    /// <summary>49152.</summary>
    public const ulong Permissions = EmbedLinks | AttachFiles;

    public static string For(ulong applicationId) => string.Create(CultureInfo.InvariantCulture,
        $"https://discord.com/oauth2/authorize?client_id={applicationId}&scope=bot+applications.commands&permissions={Permissions}");
}
