namespace Bot.Data.Repositories;

public enum OAuthStateConsumption
{
    Consumed,
    Unknown,
    Mismatch,
    AlreadyUsed,
    Expired,
}
