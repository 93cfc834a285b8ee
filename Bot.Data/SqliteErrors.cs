using Microsoft.Data.Sqlite;

namespace Bot.Data;

/// <summary>Turns SQLite's "this is not a database" family into one clear line naming the file.</summary>
internal static class SqliteErrors
{
    private const int SqliteCorrupt = 11;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    public static DataStoreException? Translate(SqliteException exception, string path) => exception.SqliteErrorCode switch
    {
        SqliteNotADatabase => NotADatabase(path, exception),
        SqliteCorrupt => new DataStoreException($"'{path}' is a corrupt SQLite database", exception),
        SqliteCantOpen => new DataStoreException($"'{path}' cannot be opened as a SQLite database", exception),
        _ => null,
    };

    public static DataStoreException NotADatabase(string path, Exception? inner = null) =>
        new($"'{path}' is not a SQLite database", inner);
}
