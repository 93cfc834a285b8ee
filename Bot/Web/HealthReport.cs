namespace Bot.Web;

internal sealed record HealthReport(string Status, bool DatabaseReachable, bool DiscordConnected);
