using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Queries;

/// <summary>An open connection (PRAGMAs applied by the interceptor) inside a deferred read transaction, so
/// several Dapper queries see one consistent WAL snapshot without taking the write lock.</summary>
internal sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly ChallengeDbContext _context;

    private ReadSnapshot(ChallengeDbContext context, SqliteConnection connection, DbTransaction transaction)
    {
        _context = context;
        Connection = connection;
        Transaction = transaction;
    }

    public SqliteConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public static async Task<ReadSnapshot> OpenAsync(
        IDbContextFactory<ChallengeDbContext> contextFactory,
        CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)context.Database.GetDbConnection();
            var transaction = connection.BeginTransaction(deferred: true);
            return new ReadSnapshot(context, connection, transaction);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await _context.Database.CloseConnectionAsync();
        await _context.DisposeAsync();
    }
}
