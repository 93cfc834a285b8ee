using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// The discord.py-style "heartbeat blocked" and "can't keep up" signals: a warning when a heartbeat
/// goes out later than its schedule by more than the threshold, or its ACK takes longer than that.
/// Every beat and ACK is also measured (<see cref="DiscordMetrics"/>).
/// </summary>
internal sealed class GatewayWatchdog(ILogger logger, TimeSpan threshold, DiscordMetrics? metrics = null)
{
    public void HeartbeatSent(TimeSpan lateness)
    {
        metrics?.HeartbeatSent(lateness);
        if (lateness > threshold)
        {
            GatewayLog.HeartbeatLate(logger, lateness.TotalMilliseconds, threshold.TotalMilliseconds);
        }
    }

    public void AckReceived(TimeSpan latency)
    {
        metrics?.HeartbeatAcked(latency);
        if (latency > threshold)
        {
            GatewayLog.AckLate(logger, latency.TotalMilliseconds, threshold.TotalMilliseconds);
        }
    }
}
