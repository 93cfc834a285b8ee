using System.Collections.Concurrent;
using System.Globalization;

namespace Bot.Discord.Rest;

/// <summary>
/// Discord's REST rate limits as this client keeps them: per-bucket limits from the X-RateLimit headers (keyed by the
/// bucket hash once Discord named it, by route until then), the global 50/s limit and its pauses, and the count of
/// 401/403/429 answers that Discord bans at 10,000 in 10 minutes.
/// </summary>
internal sealed class RestRateLimits(RestSettings settings, TimeProvider time) : IDisposable
{
    private readonly GlobalRateLimiter _global = new(settings, time);
    private readonly InvalidRequestCounter _invalid = new(settings, time);
    private readonly ConcurrentDictionary<string, string> _bucketHashes = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new();

    public int InvalidCount => _invalid.CountInWindow;

    public bool InvalidBudgetExhausted => _invalid.IsExhausted;

    public void CountInvalid() => _invalid.Add();

    public Task AcquireGlobalAsync(CancellationToken cancellationToken) => _global.AcquireAsync(cancellationToken);

    public RateLimitBucket BucketFor(RestRoute route)
    {
        var key = _bucketHashes.TryGetValue(RouteOnly(route), out var hash) ? $"h:{hash}|{route.MajorParameter}" : $"r:{route.RouteKey}";
        return _buckets.GetOrAdd(key, static _ => new RateLimitBucket());
    }

    /// <summary>Reads the bucket headers of any answer into the bucket it came through and the bucket its hash names.</summary>
    public void ApplyBucketHeaders(RestRoute route, HttpResponseMessage response, RateLimitBucket? bucket)
    {
        var hash = Header(response, "X-RateLimit-Bucket");
        if (!int.TryParse(Header(response, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || !double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            return;
        }

        var reset = TimeSpan.FromSeconds(resetAfter);
        bucket?.Update(remaining, reset, time);
        if (hash is null || route.Kind != RestRouteKind.Bot)
        {
            return;
        }

        _bucketHashes[RouteOnly(route)] = hash;
        var shared = _buckets.GetOrAdd($"h:{hash}|{route.MajorParameter}", static _ => new RateLimitBucket());
        if (!ReferenceEquals(shared, bucket))
        {
            shared.Update(remaining, reset, time);
        }
    }

    /// <summary>A 429: counts it (unless the limit is shared), and returns how long to wait and whether the limit was global.</summary>
    public (TimeSpan RetryAfter, bool Global) TooManyRequests(HttpResponseMessage response, double? retryAfterBody, bool globalBody)
    {
        if (!string.Equals(Header(response, "X-RateLimit-Scope"), "shared", StringComparison.OrdinalIgnoreCase))
        {
            _invalid.Add();
        }

        var headerless = !response.Headers.Contains("X-RateLimit-Bucket") && !response.Headers.Contains("X-RateLimit-Limit");
        var global = globalBody || headerless || string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        return (RetryAfter(response, retryAfterBody), global);
    }

    /// <summary>Holds back what the 429 limited: every bot route when global, else the bucket.</summary>
    public void Hold(TimeSpan retryAfter, bool global, RateLimitBucket? bucket)
    {
        if (global)
        {
            _global.PauseFor(retryAfter);
        }
        else
        {
            bucket?.BlockFor(retryAfter, time);
        }
    }

    public void Dispose() => _global.Dispose();

    private static string RouteOnly(RestRoute route) => $"{route.Method.Method} {route.Template}";

    private TimeSpan RetryAfter(HttpResponseMessage response, double? retryAfterBody)
    {
        if (retryAfterBody is { } seconds && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (double.TryParse(Header(response, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var header))
        {
            return TimeSpan.FromSeconds(header);
        }

        return double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter)
            ? TimeSpan.FromSeconds(resetAfter)
            : settings.DefaultRetryAfter;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
