namespace Bot.Strava.Api;

/// <summary>The resilience handler's timings; tests shorten them.</summary>
public sealed class StravaHttpSettings
{
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public int RetryAttempts { get; set; } = 3;
}
