namespace Bot.Discord.Entities;

/// <summary>An edit of the original response (<c>PATCH …/messages/@original</c>).</summary>
public sealed class DiscordWebhookBuilder : DiscordMessageBuilderBase<DiscordWebhookBuilder>;
