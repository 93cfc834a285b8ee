using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bot.Data;

/// <summary>
/// Sets the per-connection PRAGMAs every time EF opens a connection: WAL so readers never block the
/// writer, foreign keys (off by default in SQLite), and a busy timeout so writers queue instead of failing.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // journal_mode is persistent in the file; setting it needs write access, which EF's read-only probe
    // connection (used to check whether the database exists) does not have.
    private const string ReadOnlyPragmas = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " + ReadOnlyPragmas;

    private readonly ConcurrentDictionary<string, string> _pragmasByConnectionString = new(StringComparer.Ordinal);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException exception) when (SqliteErrors.Translate(exception, connection.DataSource) is { } translated)
        {
            throw translated;
        }
    }

    public override Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default) => ApplyAsync(connection, cancellationToken);

    /// <summary>Sets the PRAGMAs on a connection opened outside EF (the read path, <see cref="SqliteConnections"/>).</summary>
    internal async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command)
        {
            command.CommandText = PragmasFor(connection);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException exception) when (SqliteErrors.Translate(exception, connection.DataSource) is { } translated)
            {
                throw translated;
            }
        }
    }

    private string PragmasFor(DbConnection connection) =>
        _pragmasByConnectionString.GetOrAdd(
            connection.ConnectionString,
            static cs => new SqliteConnectionStringBuilder(cs).Mode == SqliteOpenMode.ReadOnly ? ReadOnlyPragmas : Pragmas);
}
