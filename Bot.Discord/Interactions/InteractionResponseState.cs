namespace Bot.Discord.Interactions;

/// <summary>Where an interaction's one initial response stands.</summary>
public enum InteractionResponseState
{
    Unacknowledged,
    Acknowledging,
    Deferred,
    Responded,

    /// <summary>10062, 40060 or an expired token: nothing more can be sent.</summary>
    Dead,
}
