namespace Bot.Strava.Webhooks;

/// <summary>Why a webhook event was answered but not stored (the <c>reason</c> tag of the dropped-events counter).</summary>
internal enum WebhookDropReason
{
    TooLarge,
    Malformed,
    ForeignSubscription,
    UnknownOwner,
    NotLinked,
    Irrelevant,
    QueueFull,
}
