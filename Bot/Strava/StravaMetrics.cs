using System.Diagnostics.Metrics;

namespace Bot.Strava;

/// <summary>
/// Strava on the bot's meter (<c>ChallengeBot</c>): every call and its status, the remaining budget
/// the governor knows of, and whether the governor has paused all calls.
/// </summary>
public sealed class StravaMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _calls;

    public StravaMetrics(RateLimitGovernor governor, IMeterFactory? meters = null)
    {
        _meter = meters?.Create(Threading.CpuWorkQueue.MeterName) ?? new Meter(Threading.CpuWorkQueue.MeterName);
        _calls = _meter.CreateCounter<long>("challengebot.strava.calls", "{call}", "HTTP calls to Strava (retries included), by status code");
        _meter.CreateObservableGauge("challengebot.strava.budget.remaining_15min", () => governor.State.Remaining15Min ?? -1, "{call}", "Calls left in this quarter-hour (-1: not known yet)");
        _meter.CreateObservableGauge("challengebot.strava.budget.remaining_daily", () => governor.State.RemainingDaily ?? -1, "{call}", "Calls left today, UTC (-1: not known yet)");
        _meter.CreateObservableGauge("challengebot.strava.paused", () => governor.State.IsOpen ? 0 : 1, "", "1 while the governor holds every call back (a limit is near or a 429 came)");
    }

    /// <summary>For listeners that want these instruments only (tests).</summary>
    public Meter Meter => _meter;

    internal void CallAnswered(int status) => _calls.Add(1, new KeyValuePair<string, object?>("status", status));

    public void Dispose() => _meter.Dispose();
}
