using Microsoft.Data.Sqlite;

namespace Bot.Tests.Support;

/// <summary>Reads of a running bot's database file from the test, never holding it open.</summary>
internal static class BotDatabase
{
    /// <summary>A read while the bot writes; a rare busy answer reads as "not yet".</summary>
    public static bool Safely(Func<bool> read)
    {
        try
        {
            return read();
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>The one number <paramref name="sql"/> selects, read-only.</summary>
    public static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
