using System.Diagnostics.Metrics;

namespace Bot.Discord;

/// <summary>
/// The client's measurements through System.Diagnostics.Metrics (meter <see cref="MeterName"/>): how
/// late heartbeats go out and how long their ACKs take, how long interactions wait for their first
/// response, and each command's outcome and run time. Any listener (dotnet-counters, OpenTelemetry)
/// can read them; nothing is recorded unless someone listens.
/// </summary>
public sealed class DiscordMetrics : IDisposable
{
    public const string MeterName = "Bot.Discord";

    private readonly Meter _meter;
    private readonly Histogram<double> _heartbeatLateness;
    private readonly Histogram<double> _heartbeatAck;
    private readonly Histogram<double> _interactionAck;
    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;

    public DiscordMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _heartbeatLateness = _meter.CreateHistogram<double>("discord.gateway.heartbeat.lateness", "ms", "How much later than its schedule each heartbeat went out");
        _heartbeatAck = _meter.CreateHistogram<double>("discord.gateway.heartbeat.ack_latency", "ms", "From a heartbeat to Discord's ACK");
        _interactionAck = _meter.CreateHistogram<double>("discord.interaction.ack_latency", "ms", "From receipt of an interaction to Discord accepting its first response (3 s allowed)");
        _commands = _meter.CreateCounter<long>("discord.commands", "{command}", "Slash commands handled, by command and outcome (ok, failed, invalid, refused, unknown, cancelled)");
        _commandDuration = _meter.CreateHistogram<double>("discord.command.duration", "ms", "Run time of each command's handler");
    }

    /// <summary>The meter itself, for listeners that want this client's instruments only (tests).</summary>
    public Meter Meter => _meter;

    internal void HeartbeatSent(TimeSpan lateness) => _heartbeatLateness.Record(Math.Max(0, lateness.TotalMilliseconds));

    internal void HeartbeatAcked(TimeSpan latency) => _heartbeatAck.Record(latency.TotalMilliseconds);

    internal void InteractionAcknowledged(TimeSpan sinceReceipt) => _interactionAck.Record(sinceReceipt.TotalMilliseconds);

    internal void CommandHandled(string command, string outcome, TimeSpan? duration)
    {
        _commands.Add(1, new KeyValuePair<string, object?>("command", command), new KeyValuePair<string, object?>("outcome", outcome));
        if (duration is { } elapsed)
        {
            _commandDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("command", command));
        }
    }

    public void Dispose() => _meter.Dispose();
}
