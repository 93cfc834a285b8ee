namespace Bot.Data.Repositories;

public enum ActivityUpsertOutcome
{
    Inserted,
    Updated,
    Unchanged,
}
