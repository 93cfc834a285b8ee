using Bot.Data;
using Microsoft.Data.Sqlite;

namespace Bot.Hosting;

/// <summary>
/// What SIGTERM does, in the host's stop order (the reverse of the start order): the gateway closes
/// with 1000, so no new interaction arrives; the dispatcher refuses new work and lets the handlers in
/// flight finish within <see cref="StopTimeout"/> (then cancels them, and they answer "something went
/// wrong" at worst); last, with every writer done, the WAL is checkpointed into the database file.
/// </summary>
internal static partial class GracefulShutdown
{
    /// <summary>Within systemd's TimeoutStopSec=45 with room to spare.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(25);

    /// <summary>Register before everything else, so the checkpoint stops last.</summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.Configure<HostOptions>(options => options.ShutdownTimeout = StopTimeout);
        services.AddHostedService<CheckpointOnStop>();
        return services;
    }

    private sealed partial class CheckpointOnStop(DatabaseLocation database, ILogger<CheckpointOnStop> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            try
            {
                await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.FullPath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
                await connection.OpenAsync(cancellationToken);
                await using (var wait = connection.CreateCommand())
                {
                    wait.CommandText = "PRAGMA busy_timeout=5000;";
                    await wait.ExecuteNonQueryAsync(cancellationToken);
                }

                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    var (busy, frames, written) = (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
                    LogCheckpoint(logger, busy, frames, written);
                }
            }
            catch (Exception e) when (e is SqliteException or OperationCanceledException)
            {
                // The WAL stays beside the database; SQLite replays it on the next start. Nothing is lost.
                LogCheckpointFailed(logger, e.Message);
            }
        }

        [LoggerMessage(EventId = 1960, Level = LogLevel.Information, Message = "Stopped: database checkpointed (busy {Busy}, {Frames} WAL frames, {Checkpointed} written back).")]
        private static partial void LogCheckpoint(ILogger logger, bool busy, long frames, long checkpointed);

        [LoggerMessage(EventId = 1961, Level = LogLevel.Warning, Message = "Could not checkpoint the database on stop ({Reason}); the WAL is replayed on the next start.")]
        private static partial void LogCheckpointFailed(ILogger logger, string reason);
    }
}
