using Bot.Discord.Entities;

namespace Bot.Discord.Interactions;

/// <summary><c>{type, data}</c> for <c>POST /interactions/{id}/{token}/callback</c>.</summary>
internal sealed record InteractionCallbackPayload(int Type, MessagePayload? Data)
{
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;

    public static InteractionCallbackPayload Defer(bool ephemeral) =>
        new(DeferredChannelMessageWithSource, ephemeral ? new MessagePayload(null, null, MessagePayload.EphemeralFlag, null) : null);

    public static InteractionCallbackPayload Message(MessagePayload message) => new(ChannelMessageWithSource, message);
}
