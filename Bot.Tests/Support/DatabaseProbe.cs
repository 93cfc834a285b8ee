using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Support;

/// <summary>Read-only looks into the database file of a bot process that is running (its own connections, no pooling).</summary>
internal sealed class DatabaseProbe(string path)
{
    public long Count(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every row of the query, its columns joined with '|' (null as "null").</summary>
    public List<string> Rows(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>A condition read while the bot writes; a rare busy answer reads as "not yet".</summary>
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

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
