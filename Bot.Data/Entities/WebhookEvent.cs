namespace Bot.Data.Entities;

/// <summary>A Strava push event, queued durably so the webhook can answer within two seconds.</summary>
public sealed class WebhookEvent
{
    public long Id { get; set; }

    public required DateTime ReceivedAtUtc { get; set; }

    public required string ObjectType { get; set; }

    public required long ObjectId { get; set; }

    public required string AspectType { get; set; }

    public required long OwnerId { get; set; }

    public required long SubscriptionId { get; set; }

    /// <summary>Strava's <c>event_time</c>, Unix seconds.</summary>
    public required long EventTime { get; set; }

    public string? UpdatesJson { get; set; }

    public int Attempts { get; set; }

    public required DateTime NextAttemptAtUtc { get; set; }

    public DateTime? ProcessedAtUtc { get; set; }

    public string? LastError { get; set; }
}
