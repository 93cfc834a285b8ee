namespace Bot.Configuration;

/// <summary>Where the SQLite database lives.</summary>
public sealed class StorageOptions
{
    public const string DatabaseFileName = "challenge.db";

    /// <summary>DATABASE_PATH, else challenge.db in systemd's state directory when the unit has one, else in the working directory.</summary>
    [ConfigurationKeyName("DATABASE_PATH")]
    public string DatabasePath { get; set; } = DefaultDatabasePath(Environment.GetEnvironmentVariable("STATE_DIRECTORY"));

    /// <summary>systemd sets STATE_DIRECTORY (colon-separated when the unit names several) for <c>StateDirectory=</c>.</summary>
    public static string DefaultDatabasePath(string? stateDirectory) =>
        stateDirectory?.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } folder
            ? Path.Combine(folder, DatabaseFileName)
            : DatabaseFileName;
}
