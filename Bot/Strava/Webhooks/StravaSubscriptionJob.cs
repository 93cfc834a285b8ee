using Bot.Data.Repositories;
using Bot.Strava.Api;
using Bot.Web;
using Microsoft.Extensions.Options;

namespace Bot.Strava.Webhooks;

/// <summary>
/// Ensures the one push subscription once the host has started (Strava checks the callback during the
/// create call, so the webhook endpoint must be listening): lists first, reuses one whose callback_url is
/// ours (<c>PUBLIC_BASE_URL/strava/webhook/&lt;secret&gt;</c>), else deletes the stale one (another address, or
/// an earlier secret) and creates ours. It never creates a second. Skipped without Strava or PUBLIC_BASE_URL.
/// </summary>
internal sealed class StravaSubscriptionJob(
    StravaClient client,
    StravaSubscriptionStore store,
    StravaWebhookSecret secret,
    IOptions<StravaOptions> stravaOptions,
    IOptions<WebOptions> webOptions,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<StravaSubscriptionJob> logger) : BackgroundService
{
    private const int Attempts = 5;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>The callback URL to register, with the secret path; null without PUBLIC_BASE_URL.</summary>
    public async Task<string?> CallbackUrlAsync(CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(webOptions.Value.PublicBaseUrl) ? null : webOptions.Value.PublicBaseUrl.TrimEnd('/') + await secret.PathAsync(cancellationToken);

    /// <summary>Whether the settings allow a subscription at all.</summary>
    public bool CanSubscribe =>
        stravaOptions.Value.Enabled && !string.IsNullOrWhiteSpace(webOptions.Value.PublicBaseUrl)
        && !string.IsNullOrEmpty(stravaOptions.Value.ClientSecret) && !string.IsNullOrEmpty(stravaOptions.Value.WebhookVerifyToken);

    /// <summary>Lists, reuses or replaces; returns the subscription id, or null when it could not.</summary>
    public async Task<long?> EnsureAsync(CancellationToken cancellationToken)
    {
        var options = stravaOptions.Value;
        var callback = CanSubscribe ? await CallbackUrlAsync(cancellationToken) : null;
        if (callback is null || options.WebhookVerifyToken is null)
        {
            StravaLog.Subscription(logger, "skipped: needs STRAVA_CLIENT_ID, STRAVA_CLIENT_SECRET, STRAVA_WEBHOOK_VERIFY_TOKEN and PUBLIC_BASE_URL");
            return null;
        }

        var listed = await client.ListSubscriptionsAsync(cancellationToken);
        if (!listed.IsOk)
        {
            StravaLog.SubscriptionFailed(logger, "listing failed: " + listed.Problem);
            return null;
        }

        if (listed.Value!.FirstOrDefault(s => string.Equals(s.CallbackUrl, callback, StringComparison.Ordinal)) is { } match)
        {
            await store.SetAsync(match.Id, cancellationToken);
            StravaLog.Subscription(logger, $"reusing subscription {match.Id}");
            return match.Id;
        }

        foreach (var stale in listed.Value!)
        {
            var deleted = await client.DeleteSubscriptionAsync(stale.Id, cancellationToken);
            if (!deleted.IsOk && deleted.Status != StravaStatus.NotFound)
            {
                StravaLog.SubscriptionFailed(logger, $"deleting stale subscription {stale.Id} failed: {deleted.Problem}");
                return null;
            }
        }

        var created = await client.CreateSubscriptionAsync(callback, options.WebhookVerifyToken, cancellationToken);
        if (!created.IsOk || created.Value!.Id <= 0)
        {
            StravaLog.SubscriptionFailed(logger, "creating failed: " + (created.Problem ?? "no id in the answer"));
            return null;
        }

        await store.SetAsync(created.Value.Id, cancellationToken);
        StravaLog.Subscription(logger, $"created subscription {created.Value.Id}");
        return created.Value.Id;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForStartAsync(stoppingToken);
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                if (await EnsureAsync(stoppingToken) is not null || !CanSubscribe)
                {
                    return;
                }

                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }
}
