namespace Bot.Strava;

/// <summary>
/// The rate-limit governor as /healthz and the "data as of" notes show it. Remaining counts are null until
/// Strava has answered once (before that the governor assumes the documented default limits).
/// </summary>
public sealed record GovernorState(
    bool IsOpen,
    DateTimeOffset? ClosedUntil,
    string? Reason,
    int? Remaining15Min,
    int? RemainingDaily,
    int? ReadRemaining15Min,
    int? ReadRemainingDaily,
    DateTimeOffset? LastResponseAt);
