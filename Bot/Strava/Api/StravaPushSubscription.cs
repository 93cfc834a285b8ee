namespace Bot.Strava.Api;

/// <summary>A push subscription as GET/POST /push_subscriptions return it.</summary>
public sealed record StravaPushSubscription(long Id, string? CallbackUrl);
