namespace Bot.Discord.Entities;

/// <summary>
/// A channel message sent with the bot token (<c>POST /channels/{id}/messages</c>): for results of
/// work that outlives an interaction token's 15 minutes.
/// </summary>
public sealed class DiscordMessageBuilder : DiscordMessageBuilderBase<DiscordMessageBuilder>;
