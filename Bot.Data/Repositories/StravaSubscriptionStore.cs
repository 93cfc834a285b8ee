using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>The id of the application's Strava push subscription, kept so events of a foreign one are ignored.</summary>
public sealed class StravaSubscriptionStore(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    public const string Key = "strava_push_subscription_id";

    public async Task<long?> GetAsync(CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            var value = await context.AppSettings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
            return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        }
    }

    /// <summary>Stores the id, or with null forgets it.</summary>
    public Task SetAsync(long? id, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var setting = await context.AppSettings.SingleOrDefaultAsync(s => s.Key == Key, ct);
            if (id is null)
            {
                if (setting is not null)
                {
                    context.AppSettings.Remove(setting);
                }

                return true;
            }

            var text = id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (setting is null)
            {
                context.AppSettings.Add(new AppSetting { Key = Key, Value = text });
            }
            else
            {
                setting.Value = text;
            }

            return true;
        }, cancellationToken);
}
