using Bot.Data.Queries;
using Bot.Scoring;
using Bot.Testing;
using Bot.Testing.Generation;

namespace Bot.Benchmarks.Data;

/// <summary>
/// A generated season in a real SQLite file (<see cref="TempDatabase"/>, seeded by <see cref="WorldBuilder"/> as the tests
/// seed theirs), with the season's read window as the /total path asks for it. Deleted on dispose.
/// </summary>
internal sealed class SeasonDatabase : IAsyncDisposable
{
    private const long GuildId = 1_000_000_000_000_000;
    private static readonly DateTimeOffset SeededAtUtc = new(2024, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database;

    private SeasonDatabase(TempDatabase database, GeneratedSeason season, long challengeId)
    {
        _database = database;
        Season = season;
        ChallengeId = challengeId;
        var calendar = SeasonCalendar.For(season.Season);
        FromLocal = calendar.Monday(1).ToDateTime(TimeOnly.MinValue);
        ToLocal = DateOnly.FromDayNumber(calendar.EndExclusive).ToDateTime(TimeOnly.MinValue);
    }

    public GeneratedSeason Season { get; }

    public long ChallengeId { get; }

    /// <summary>The database file, for a bot wired to it.</summary>
    public string Path => _database.Path;

    /// <summary>Monday 00:00 of week 1, as the /total path asks for the season.</summary>
    public DateTime FromLocal { get; }

    /// <summary>The Monday after the season's last Sunday.</summary>
    public DateTime ToLocal { get; }

    public SeasonQueries Queries => _database.Get<SeasonQueries>();

    public static async Task<SeasonDatabase> CreateAsync(GeneratedSeason season, CancellationToken cancellationToken = default)
    {
        var database = await TempDatabase.CreateAsync();
        try
        {
            var world = await WorldBuilder.For(database).At(SeededAtUtc).Challenge(GuildId, season.Season).Generated(season).SeedAsync(cancellationToken);
            return new SeasonDatabase(database, season, world.ChallengeId);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
