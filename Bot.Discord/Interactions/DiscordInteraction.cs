using Bot.Discord.Entities;

namespace Bot.Discord.Interactions;

/// <summary>
/// An INTERACTION_CREATE as handlers need it. <see cref="CommandPath"/> is the full name
/// ("admin rules set") and <see cref="Options"/> the options of the leaf subcommand.
/// <see cref="ReceivedTimestamp"/> is the monotonic receipt time the 3 s and 15 min budgets run from.
/// </summary>
internal sealed record DiscordInteraction(
    ulong Id,
    ulong ApplicationId,
    int Type,
    string Token,
    ulong? GuildId,
    ulong ChannelId,
    DiscordUser Invoker,
    Permissions? MemberPermissions,
    string CommandPath,
    IReadOnlyList<InteractionOption> Options,
    long ReceivedTimestamp)
{
    public const int ApplicationCommandType = 2;

    /// <summary>The largest file this interaction's answers may carry, in bytes (<c>attachment_size_limit</c>); null when Discord did not say.</summary>
    public long? AttachmentSizeLimit { get; init; }

    /// <summary>The invoker's client language (<c>locale</c>, e.g. "de" or "en-US"); null when Discord did not say.</summary>
    public string? Locale { get; init; }

    /// <summary>The server's preferred language (<c>guild_locale</c>); null in DMs.</summary>
    public string? GuildLocale { get; init; }
}
