using System.CommandLine;
using Bot.Configuration;
using Bot.Data.Files;
using Bot.Hosting;
using Microsoft.Data.Sqlite;

namespace Bot.Cli;

/// <summary>
/// <c>backup FILE</c>: a consistent copy of the live database through SQLite's online backup API.
/// A file copy of a WAL database can miss committed pages still in the -wal file or catch a
/// half-written checkpoint; the backup API copies a single snapshot while the bot keeps running.
/// The copy is written beside its destination, checked, made owner-only, then moved into place.
/// </summary>
internal static class BackupVerb
{
    public static Command Create()
    {
        var destination = new Argument<string>("file") { Description = "Where to write the backup (must not exist yet)" };
        var command = new Command("backup", "Copy the live database consistently (SQLite online backup) to FILE") { destination };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(destination)!, parseResult.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string destination, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Build(Directory.GetCurrentDirectory());
        var source = Path.GetFullPath(AppConfiguration.Bind<StorageOptions>(configuration).DatabasePath);
        var target = Path.GetFullPath(destination);
        if (!File.Exists(source))
        {
            throw new UserErrorException($"no database at '{source}' (set DATABASE_PATH)");
        }

        try
        {
            // SQLite would block on a FIFO and back up /dev/zero as an empty database.
            RegularFile.OpenForReading(source).Dispose();
        }
        catch (InputFileException exception)
        {
            throw new UserErrorException($"'{source}' cannot be backed up: {exception.Message}");
        }

        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new UserErrorException($"'{target}' already exists; name a new file");
        }

        if (Path.GetDirectoryName(target) is not { } folder || !Directory.Exists(folder))
        {
            throw new UserErrorException($"the folder of '{target}' does not exist");
        }

        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            throw new UserErrorException("the backup must not be the database itself");
        }

        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.partial");
        try
        {
            using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await from.OpenAsync(cancellationToken);
                Probe(from, $"'{source}' is not a readable SQLite database");
                CreateOwnerOnly(partial);
                await to.OpenAsync(cancellationToken);
                from.BackupDatabase(to);

                // The copy is a plain rollback-journal file: one file, complete, nothing beside it.
                using var journal = to.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE;";
                journal.ExecuteNonQuery();
                Check(to, "the copy failed its integrity check");
            }

            File.Move(partial, target);
        }
        catch (SqliteException exception)
        {
            throw new UserErrorException($"backup failed: {exception.Message}");
        }
        finally
        {
            File.Delete(partial);
        }

        await output.WriteLineAsync($"backed up {source} to {target} ({new FileInfo(target).Length:N0} bytes, integrity ok)");
        return ExitCodes.Success;
    }

    private static void Probe(SqliteConnection connection, string problem)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA schema_version;";
        try
        {
            command.ExecuteScalar();
        }
        catch (SqliteException)
        {
            throw new UserErrorException(problem);
        }
    }

    private static void Check(SqliteConnection connection, string problem)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        try
        {
            if (command.ExecuteScalar() is not "ok")
            {
                throw new UserErrorException(problem);
            }
        }
        catch (SqliteException)
        {
            throw new UserErrorException(problem);
        }
    }

    private static void CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var _ = new FileStream(path, options);
    }
}
