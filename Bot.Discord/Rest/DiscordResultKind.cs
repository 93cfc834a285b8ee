namespace Bot.Discord.Rest;

/// <summary>What became of a request to Discord. Everything but <see cref="Success"/> is a failure.</summary>
public enum DiscordResultKind
{
    Success,
    Failed,
    Network,
    RateLimited,
    Unauthorized,
    Forbidden,
    NotFound,
    InteractionExpired,
    AlreadyAcknowledged,
    InvalidMessage,
    ClientStopped,
    InvalidRequestBudgetExhausted,
}
