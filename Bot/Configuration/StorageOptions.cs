namespace Bot.Configuration;

/// <summary>Where the SQLite database lives.</summary>
public sealed class StorageOptions
{
    public const string DefaultDatabasePath = "challenge.db";

    [ConfigurationKeyName("DATABASE_PATH")]
    public string DatabasePath { get; set; } = DefaultDatabasePath;
}
