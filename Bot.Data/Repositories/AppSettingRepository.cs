using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>Values the application generates once and keeps (such as its OAuth state signing key).</summary>
public sealed class AppSettingRepository(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    /// <summary>The stored value, or <paramref name="create"/>'s stored in the same transaction; two callers get the same value.</summary>
    public Task<string> GetOrAddAsync(string key, Func<string> create, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var existing = await context.AppSettings.SingleOrDefaultAsync(s => s.Key == key, ct);
            if (existing is not null)
            {
                return existing.Value;
            }

            var value = create();
            context.AppSettings.Add(new AppSetting { Key = key, Value = value });
            return value;
        }, cancellationToken);
}
