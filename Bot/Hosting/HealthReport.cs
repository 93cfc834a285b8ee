namespace Bot.Hosting;

/// <param name="HeartbeatAckAgeSeconds">Since Discord last acknowledged a heartbeat; null before the first.</param>
/// <param name="Strava">The rate-limit governor, or null when Strava is not configured.</param>
/// <param name="WebhookEventsPending">Queued Strava events not yet processed.</param>
internal sealed record HealthReport(
    string Status, bool DatabaseReachable, bool DiscordConnected, double? HeartbeatAckAgeSeconds, Strava.GovernorState? Strava, int? WebhookEventsPending);
