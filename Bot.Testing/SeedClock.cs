namespace Bot.Testing;

/// <summary>The clock the repositories read while a world is seeded: set to the time each seeded row should carry.</summary>
internal sealed class SeedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
