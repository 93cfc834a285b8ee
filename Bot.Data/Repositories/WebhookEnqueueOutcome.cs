namespace Bot.Data.Repositories;

/// <summary>What became of an event handed to the queue.</summary>
public enum WebhookEnqueueOutcome
{
    /// <summary>Stored as a new row.</summary>
    Queued,

    /// <summary>A row for the same object and owner was still waiting: that row now carries this event.</summary>
    Coalesced,

    /// <summary>The queue holds its maximum of unprocessed rows; nothing was stored.</summary>
    QueueFull,
}
