using Microsoft.EntityFrameworkCore;

namespace Bot.Data;

/// <summary>
/// Runs a read-modify-write in one transaction on its own context. Microsoft.Data.Sqlite begins a
/// non-deferred transaction with BEGIN IMMEDIATE, so the write lock is taken up front: concurrent writers
/// queue on busy_timeout instead of failing with SQLITE_BUSY when a read lock would be upgraded.
/// </summary>
internal static class WriteTransaction
{
    public static async Task<T> RunAsync<T>(
        IDbContextFactory<ChallengeDbContext> contextFactory,
        Func<ChallengeDbContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            await using (transaction)
            {
                var result = await work(context, cancellationToken);
                await context.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
        }
    }
}
