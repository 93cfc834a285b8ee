namespace Bot.Data.Repositories;

public enum OAuthStateConsumption
{
    Consumed,
    Unknown,
    Mismatch,
    AlreadyUsed,
    Expired,

    /// <summary>Would pass, and was only read (the connect page): still unused.</summary>
    Usable,
}
