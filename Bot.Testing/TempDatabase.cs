using Bot.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Testing;

/// <summary>A real SQLite file in its own temporary folder, wired exactly as the Bot wires it, deleted afterwards.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TempDatabase(string directory, string path)
    {
        Directory = directory;
        Path = path;
        _services = new ServiceCollection().AddChallengeData(path).BuildServiceProvider();
    }

    public string Directory { get; }

    public string Path { get; }

    public IDbContextFactory<ChallengeDbContext> ContextFactory => Get<IDbContextFactory<ChallengeDbContext>>();

    /// <summary>A database file at a fresh path; migrated unless <paramref name="migrate"/> is false.</summary>
    public static async Task<TempDatabase> CreateAsync(bool migrate = true, string fileName = "challenge.db")
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "challengebot-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = new TempDatabase(directory, System.IO.Path.Combine(directory, fileName));
        if (migrate)
        {
            await database.Get<DatabaseMigrator>().MigrateAsync();
        }

        return database;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<ChallengeDbContext> CreateContextAsync() => await ContextFactory.CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();

        // Pooled connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
