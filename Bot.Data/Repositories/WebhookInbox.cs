using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>
/// Where the webhook endpoint puts Strava's events: one insert, nothing else, so the request is answered
/// at once. The Strava processor works through the rows later.
/// </summary>
public sealed class WebhookInbox(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    public async Task<long> EnqueueAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            context.WebhookEvents.Add(webhookEvent);
            await context.SaveChangesAsync(cancellationToken);
            return webhookEvent.Id;
        }
    }
}
