using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bot.Data.Queries;

/// <summary>An open connection (PRAGMAs applied) inside a deferred read transaction, so several queries see one
/// consistent WAL snapshot without taking the write lock.</summary>
internal sealed class ReadSnapshot : IAsyncDisposable
{
    private ReadSnapshot(SqliteConnection connection, SqliteTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction Transaction { get; }

    public static async Task<ReadSnapshot> OpenAsync(SqliteConnections connections, CancellationToken cancellationToken = default)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return new ReadSnapshot(connection, connection.BeginTransaction(deferred: true));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A command in this snapshot; <paramref name="parameters"/> are (name, value) pairs such as ("@ChallengeId", 4).</summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>Runs <paramref name="sql"/> and reads each row with <paramref name="read"/>.</summary>
    public async Task<List<T>> ReadAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = Command(sql, parameters);
        await using (command)
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken);
            await using (reader)
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(read(reader));
                }

                return rows;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
