namespace Bot.Strava.Api;

/// <summary>
/// Sits inside the resilience handler, so the governor sees the rate-limit headers (and a 429) of every
/// attempt, retried ones included: Strava counts those too.
/// </summary>
internal sealed class GovernorObserverHandler(RateLimitGovernor governor, StravaMetrics? metrics = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        governor.Observe(response.StatusCode, response.Headers);
        metrics?.CallAnswered((int)response.StatusCode);
        return response;
    }
}
