using System.Net;

namespace Bot.Strava.Api;

/// <summary>
/// Strava calls' time limits and retries. Each attempt gets <see cref="StravaHttpSettings.AttemptTimeout"/>, the whole
/// call <see cref="StravaHttpSettings.TotalTimeout"/>. Timeouts and transient failures (5xx, 408, network) are retried
/// with exponential backoff and jitter, for safe methods only: a token POST is never sent twice. 429 and other 4xx pass
/// straight through (the <see cref="RateLimitGovernor"/> handles 429). A call that runs out of time throws
/// <see cref="TimeoutException"/>.
/// </summary>
/// <remarks>
/// Our own, rather than Microsoft.Extensions.Http.Resilience: the bot used only these rules of Polly's standard
/// pipeline (its circuit breaker needs 100 calls in 30 s before it judges, more than the bot makes), and Polly with its
/// telemetry cost 3 MB of resident memory (README, Performance: footprint).
/// </remarks>
internal sealed class StravaRetryHandler(StravaHttpSettings settings, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var totalTimeout = new CancellationTokenSource(settings.TotalTimeout, time);
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalTimeout.Token);
        var retries = IsSafe(request.Method) ? settings.RetryAttempts : 0;
        for (var attempt = 0; ; attempt++)
        {
            var last = attempt >= retries;
            try
            {
                var response = await SendAttemptAsync(request, total.Token);
                if (last || !IsTransient(response.StatusCode))
                {
                    return response;
                }

                response.Dispose();
            }
            catch (Exception exception) when (!last && IsTransient(exception, cancellationToken))
            {
                // Retried below.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("Strava did not answer in time");
            }

            try
            {
                await Task.Delay(Backoff(attempt), time, total.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("Strava did not answer in time");
            }
        }
    }

    /// <summary>The wait before retry <paramref name="attempt"/> + 1: the delay doubled per attempt, give or take a quarter.</summary>
    internal TimeSpan Backoff(int attempt) =>
        settings.RetryDelay * Math.Pow(2, attempt) * (0.75 + (Random.Shared.NextDouble() * 0.5));

    internal static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.RequestTimeout;

    private static bool IsTransient(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException or TimeoutException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    private static bool IsSafe(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken totalToken)
    {
        using var attemptTimeout = new CancellationTokenSource(settings.AttemptTimeout, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(totalToken, attemptTimeout.Token);
        try
        {
            return await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested && !totalToken.IsCancellationRequested)
        {
            throw new TimeoutException("a Strava attempt timed out");
        }
    }
}
