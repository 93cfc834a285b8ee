namespace Bot.Discord.Rest;

/// <summary>Bot routes carry the bot token and the global limit; interaction and webhook routes carry neither.</summary>
internal enum RestRouteKind
{
    Bot,
    InteractionCallback,
    Webhook,
}
