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
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (SqliteException exception) when (SqliteErrors.Translate(exception, location.Path) is { } translated)
        {
            throw translated;
        }
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
