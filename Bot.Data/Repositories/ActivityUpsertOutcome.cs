namespace Bot.Data.Repositories;

public enum ActivityUpsertOutcome
{
    Inserted,
    Updated,
    Unchanged,

    /// <summary>The id is stored for another member; nothing was written.</summary>
    OwnedByAnother,
}
