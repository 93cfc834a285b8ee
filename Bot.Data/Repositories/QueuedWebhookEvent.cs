namespace Bot.Data.Repositories;

/// <summary>An unprocessed push event from the durable queue.</summary>
public sealed record QueuedWebhookEvent(
    long Id,
    string ObjectType,
    long ObjectId,
    string AspectType,
    long OwnerId,
    long SubscriptionId,
    long EventTime,
    string? UpdatesJson,
    int Attempts);
