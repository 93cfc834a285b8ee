namespace Bot.Data.Repositories;

/// <summary>The queue row that holds the event (0 when it was not stored) and how it got there.</summary>
public sealed record WebhookEnqueueResult(long Id, WebhookEnqueueOutcome Outcome);
