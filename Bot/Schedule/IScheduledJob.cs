namespace Bot.Schedule;

/// <summary>
/// Work that happens at wall-clock times (recaps, reminders). The <see cref="ScheduleTicker"/> asks every job once a
/// minute, and once right after start-up, whether anything is due at <c>now</c>; a job decides from its own
/// records what is due, so a tick that comes late (or a restart) neither skips nor repeats anything.
/// </summary>
public interface IScheduledJob
{
    /// <summary>For the logs.</summary>
    string Name { get; }

    Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
