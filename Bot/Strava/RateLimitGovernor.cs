using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Bot.Strava;

/// <summary>
/// One per application: every Strava call asks it first, and every answer (each attempt, retries included)
/// reports its rate-limit headers to it. It stops all calls shortly before a limit and after any 429, until
/// the next :00/:15/:30/:45 UTC window (or 00:00 UTC when the daily limit is spent). Between answers it
/// counts its own calls, so concurrent work cannot overshoot; after a restart it starts from Strava's
/// documented defaults until the first headers arrive.
/// </summary>
public sealed class RateLimitGovernor(TimeProvider time, ILogger<RateLimitGovernor> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Lock _lock = new();
    private readonly Family _overall = new(200, 2000);
    private readonly Family _read = new(100, 1000);
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private DateOnly _day;
    private DateTimeOffset? _closedUntil;
    private string? _reason;
    private DateTimeOffset? _lastResponse;
    private bool _seenHeaders;

    /// <summary>Calls kept back below each limit, as a share of it (at least two calls).</summary>
    public static int SafetyMargin(int limit) => Math.Max(2, limit / 20);

    public static DateTimeOffset NextWindowStart(DateTimeOffset now) => WindowStartOf(now) + Window;

    public static DateTimeOffset NextMidnight(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);

    public GovernorState State
    {
        get
        {
            lock (_lock)
            {
                var now = time.GetUtcNow();
                Roll(now);
                var open = _closedUntil is null || now >= _closedUntil;
                return new GovernorState(
                    open,
                    open ? null : _closedUntil,
                    open ? null : _reason,
                    _seenHeaders ? _overall.Remaining15 : null,
                    _seenHeaders ? _overall.RemainingDaily : null,
                    _seenHeaders ? _read.Remaining15 : null,
                    _seenHeaders ? _read.RemainingDaily : null,
                    _lastResponse);
            }
        }
    }

    /// <summary>
    /// Takes one call from the budget, or answers when calls may go out again (and takes nothing).
    /// Every call this bot makes is a "non-upload" call, so it counts against both limit families.
    /// </summary>
    public DateTimeOffset? TryAcquire()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Roll(now);
            if (_closedUntil is { } until && now < until)
            {
                return until;
            }

            if (Exhausted(now) is { } closed)
            {
                return closed;
            }

            _overall.Used15++;
            _overall.UsedDaily++;
            _read.Used15++;
            _read.UsedDaily++;
            return null;
        }
    }

    /// <summary>
    /// True when at least <paramref name="reserve"/> read calls are left in this window beyond the safety
    /// margin: background re-checks leave that much for webhook work.
    /// </summary>
    public bool HasSpare(int reserve)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Roll(now);
            if (_closedUntil is { } until && now < until)
            {
                return false;
            }

            return Math.Min(_read.Remaining15 - SafetyMargin(_read.Limit15), _overall.Remaining15 - SafetyMargin(_overall.Limit15)) > reserve
                && Math.Min(_read.RemainingDaily - SafetyMargin(_read.LimitDaily), _overall.RemainingDaily - SafetyMargin(_overall.LimitDaily)) > reserve;
        }
    }

    /// <summary>Reads the X-RateLimit-* and X-ReadRateLimit-* pairs (any letter case) and a 429.</summary>
    public void Observe(HttpStatusCode status, HttpResponseHeaders headers)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Roll(now);
            _lastResponse = now;
            var seen = _overall.Read(headers, "X-RateLimit-Limit", "X-RateLimit-Usage");
            seen |= _read.Read(headers, "X-ReadRateLimit-Limit", "X-ReadRateLimit-Usage");
            _seenHeaders |= seen;
            if (status == HttpStatusCode.TooManyRequests)
            {
                var daily = _overall.UsedDaily >= _overall.LimitDaily || _read.UsedDaily >= _read.LimitDaily;
                Close(daily ? NextMidnight(now) : NextWindowStart(now), daily ? "429 Too Many Requests, daily limit spent" : "429 Too Many Requests");
                return;
            }

            Exhausted(now);
        }
    }

    /// <summary>Waits until calls may go out again (returns at once when they may).</summary>
    public async Task WaitUntilOpenAsync(CancellationToken cancellationToken)
    {
        while (State.ClosedUntil is { } until)
        {
            var wait = until - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    private static DateTimeOffset WindowStartOf(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var minute = utc.Minute - (utc.Minute % 15);
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, minute, 0, TimeSpan.Zero);
    }

    // Closes the governor when the next call would pass a limit's safety margin; returns until when.
    private DateTimeOffset? Exhausted(DateTimeOffset now)
    {
        if (_overall.DailyFull || _read.DailyFull)
        {
            return Close(NextMidnight(now), "daily limit reached");
        }

        if (_overall.QuarterFull || _read.QuarterFull)
        {
            return Close(NextWindowStart(now), "15-minute limit reached");
        }

        return null;
    }

    private DateTimeOffset Close(DateTimeOffset until, string reason)
    {
        if (_closedUntil is not { } current || current < until)
        {
            _closedUntil = until;
            _reason = reason;
            StravaLog.GovernorClosed(logger, until, reason);
        }

        return _closedUntil.Value;
    }

    // A new window forgets the window's usage; a new UTC day forgets the day's.
    private void Roll(DateTimeOffset now)
    {
        var start = WindowStartOf(now);
        if (start != _windowStart)
        {
            _windowStart = start;
            _overall.Used15 = 0;
            _read.Used15 = 0;
        }

        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (day != _day)
        {
            _day = day;
            _overall.UsedDaily = 0;
            _read.UsedDaily = 0;
        }

        if (_closedUntil is { } until && now >= until)
        {
            _closedUntil = null;
            _reason = null;
            StravaLog.GovernorReopened(logger, until);
        }
    }

    /// <summary>One pair of limits ("15-minute,daily") with its usage.</summary>
    private sealed class Family(int limit15, int limitDaily)
    {
        public int Limit15 { get; private set; } = limit15;

        public int LimitDaily { get; private set; } = limitDaily;

        public int Used15 { get; set; }

        public int UsedDaily { get; set; }

        public int Remaining15 => Math.Max(0, Limit15 - Used15);

        public int RemainingDaily => Math.Max(0, LimitDaily - UsedDaily);

        public bool QuarterFull => Used15 + 1 > Limit15 - SafetyMargin(Limit15);

        public bool DailyFull => UsedDaily + 1 > LimitDaily - SafetyMargin(LimitDaily);

        public bool Read(HttpResponseHeaders headers, string limitName, string usageName)
        {
            var seen = false;
            if (Pair(headers, limitName) is { } limits && limits.Quarter > 0 && limits.Daily > 0)
            {
                (Limit15, LimitDaily) = limits;
                seen = true;
            }

            if (Pair(headers, usageName) is { } usage)
            {
                (Used15, UsedDaily) = usage;
                seen = true;
            }

            return seen;
        }

        private static (int Quarter, int Daily)? Pair(HttpResponseHeaders headers, string name)
        {
            // HttpHeaders look names up without regard to case.
            if (!headers.TryGetValues(name, out var values))
            {
                return null;
            }

            var parts = string.Join(',', values).Split(',', StringSplitOptions.TrimEntries);
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var quarter)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var daily)
                ? (quarter, daily)
                : null;
        }
    }
}
