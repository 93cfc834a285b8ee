namespace Bot.Data.Repositories;

/// <summary>A Strava push event as the webhook endpoint received it, already checked for shape.</summary>
public sealed record WebhookEventInput(
    string ObjectType,
    long ObjectId,
    string AspectType,
    long OwnerId,
    long SubscriptionId,
    long EventTime,
    string? UpdatesJson);
