using Microsoft.Data.Sqlite;

namespace Bot.Data;

/// <summary>
/// Opens connections to the store without EF Core, with the same PRAGMAs EF's connections get. The read path
/// (<see cref="Queries.ReadSnapshot"/>: the season behind /week, /total and /season, the challenge lookup every command
/// makes) runs on these, so a bot that only answers never loads EF's query pipeline (README, Performance: footprint).
/// </summary>
public sealed class SqliteConnections(string connectionString, SqlitePragmaInterceptor pragmas)
{
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch (SqliteException exception) when (SqliteErrors.Translate(exception, connection.DataSource) is { } translated)
            {
                throw translated;
            }

            await pragmas.ApplyAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
