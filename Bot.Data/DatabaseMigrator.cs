using Bot.Data.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data;

/// <summary>Applies the migrations at start-up, refusing (without touching it) a file that is not SQLite.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<ChallengeDbContext> contextFactory, DatabaseLocation location)
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        EnsureSqliteFile();
        try
        {
            var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            await using (context)
            {
                // Most starts have nothing to apply. Asking first keeps EF's migrator (which also builds the model
                // snapshot and diffs it against the model) out of the process: about 10 MB of resident memory.
                if (!HasData() || await CountPendingAsync([.. context.Database.GetMigrations()], cancellationToken) > 0)
                {
                    await context.Database.MigrateAsync(cancellationToken);
                }
            }
        }
        catch (SqliteException exception) when (SqliteErrors.Translate(exception, location.Path) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// For the verbs that only read (export, picture): refuses, changing nothing, a file that is not SQLite or a database
    /// that is not at this version's schema (they would otherwise migrate it first).
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(location.FullPath))
        {
            throw new DataStoreException($"no database at '{location.Path}' (set DATABASE_PATH)");
        }

        EnsureSqliteFile();
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        IReadOnlyCollection<string> known;
        await using (context)
        {
            known = [.. context.Database.GetMigrations()];
        }

        try
        {
            var pending = await CountPendingAsync(known, cancellationToken);
            if (pending > 0)
            {
                throw new DataStoreException(
                    $"'{location.Path}' is not a database of this version ({pending} migrations pending): start the bot once (it migrates), then try again");
            }
        }
        catch (SqliteException exception) when (SqliteErrors.Translate(exception, location.Path) is { } translated)
        {
            throw translated;
        }
    }

    private bool HasData() => new FileInfo(location.FullPath) is { Exists: true, Length: > 0 };

    /// <summary>How many of <paramref name="known"/> the database's history lacks.</summary>
    private async Task<int> CountPendingAsync(IReadOnlyCollection<string> known, CancellationToken cancellationToken)
    {
        // A read-only connection of our own: the context's connection sets PRAGMAs (journal mode) that write to the file.
        var builder = new SqliteConnectionStringBuilder { DataSource = location.FullPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        if (await command.ExecuteScalarAsync(cancellationToken) is not null)
        {
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        return known.Count(migration => !applied.Contains(migration));
    }

    /// <summary>
    /// The database holds Strava tokens: on Unix a new file is created readable by its owner only (0600)
    /// before SQLite opens it; SQLite gives its -wal and -shm files the same permissions.
    /// </summary>
    private void CreateOwnerOnly(FileInfo file)
    {
        if (OperatingSystem.IsWindows() || file.Directory is not { Exists: true })
        {
            // A missing folder is reported by SQLite as a clear one-line error on open.
            return;
        }

        try
        {
            using var stream = new FileStream(file.FullName, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(file.FullName))
        {
            // Another process created it first; it is theirs to have made.
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new DataStoreException($"'{location.Path}' cannot be created: {exception.Message}", exception);
        }
    }

    /// <summary>An empty or missing file is fine (SQLite creates it); anything else must start with the SQLite header.</summary>
    private void EnsureSqliteFile()
    {
        var file = new FileInfo(location.FullPath);
        if (Directory.Exists(file.FullName))
        {
            throw new DataStoreException($"'{location.Path}' is a directory, not a SQLite database");
        }

        if (!file.Exists)
        {
            CreateOwnerOnly(file);
            return;
        }

        var header = new byte[SqliteHeader.Length];
        int read;
        try
        {
            // Not a plain FileStream: a FIFO at the path would block the open, and /dev/zero would pass for empty.
            using var handle = RegularFile.OpenForReading(file.FullName);
            read = RandomAccess.Read(handle, header, 0);
        }
        catch (InputFileException exception)
        {
            throw new DataStoreException($"'{location.Path}' cannot be read: {exception.Message}", exception);
        }

        if (read == 0)
        {
            return;
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw SqliteErrors.NotADatabase(location.Path);
        }
    }
}
