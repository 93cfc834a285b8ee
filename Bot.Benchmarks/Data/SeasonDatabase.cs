using System.Globalization;
using Bot.Benchmarks.Generation;
using Bot.Data;
using Bot.Data.Entities;
using Bot.Data.Queries;
using Bot.Data.Repositories;
using Bot.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Data;

/// <summary>
/// A real SQLite file in its own temporary folder, wired as the Bot wires it (migrations, PRAGMA
/// interceptor, pooled connections), holding a generated season. Deleted on dispose.
/// </summary>
internal sealed class SeasonDatabase : IAsyncDisposable
{
    private const long GuildId = 1_000_000_000_000_000;
    private const int ActivitiesPerSave = 20_000;
    private static readonly DateTime SeededAtUtc = new(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    private readonly ServiceProvider _services;
    private readonly string _directory;

    private SeasonDatabase(string directory, GeneratedSeason season)
    {
        _directory = directory;
        Season = season;
        _services = new ServiceCollection().AddChallengeData(Path.Combine(directory, "challenge.db")).BuildServiceProvider();
        var calendar = SeasonCalendar.For(season.Season);
        FromLocal = calendar.Monday(1).ToDateTime(TimeOnly.MinValue);
        ToLocal = DateOnly.FromDayNumber(calendar.EndExclusive).ToDateTime(TimeOnly.MinValue);
    }

    public GeneratedSeason Season { get; }

    public long ChallengeId { get; private set; }

    /// <summary>Monday 00:00 of week 1, as the /total path asks for the season.</summary>
    public DateTime FromLocal { get; }

    /// <summary>The Monday after the season's last Sunday.</summary>
    public DateTime ToLocal { get; }

    public SeasonQueries Queries => _services.GetRequiredService<SeasonQueries>();

    public IDbContextFactory<ChallengeDbContext> ContextFactory => _services.GetRequiredService<IDbContextFactory<ChallengeDbContext>>();

    public static async Task<SeasonDatabase> CreateAsync(GeneratedSeason season, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "challengebot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = new SeasonDatabase(directory, season);
        try
        {
            await database.SeedAsync(cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();

        // Pooled connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await _services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var challenge = await _services.GetRequiredService<ChallengeRepository>().SaveRulesAsync(GuildId, Season.Season, "{}", cancellationToken);
        ChallengeId = challenge.Id;

        var members = await AddMembersAsync(cancellationToken);
        var participations = _services.GetRequiredService<MemberRepository>();
        var jokers = _services.GetRequiredService<JokerRepository>();
        for (var i = 0; i < members.Count; i++)
        {
            var generated = Season.Members[i];
            var participant = await participations.JoinAsync(
                ChallengeId, members[i].Id, Math.Max(1, generated.JokerWeeks.Length), consentToReports: true, cancellationToken);
            foreach (var week in generated.JokerWeeks)
            {
                await jokers.ToggleAsync(participant.ParticipationId, week, cancellationToken);
            }
        }

        await AddActivitiesAsync(members, cancellationToken);
    }

    private async Task<List<Member>> AddMembersAsync(CancellationToken cancellationToken)
    {
        var members = Season.Members.Select((generated, index) =>
        {
            var names = generated.Name.Split(' ', 2);
            return new Member
            {
                DiscordUserId = long.Parse(generated.Id, CultureInfo.InvariantCulture),
                StravaAthleteId = 50_000_000 + index,
                FirstName = names[0],
                LastName = names[1],
                LinkState = LinkState.Linked,
                CreatedAtUtc = SeededAtUtc,
                UpdatedAtUtc = SeededAtUtc,
            };
        }).ToList();

        var context = await ContextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            context.Members.AddRange(members);
            await context.SaveChangesAsync(cancellationToken);
        }

        return members;
    }

    /// <summary>Through EF like the Strava sync's writes, but in large batches so setup stays well under a minute.</summary>
    private async Task AddActivitiesAsync(List<Member> members, CancellationToken cancellationToken)
    {
        var rows = members.SelectMany((member, index) => Season.Members[index].Activities.Select(activity => ToEntity(member.Id, activity)));
        foreach (var chunk in rows.Chunk(ActivitiesPerSave))
        {
            var context = await ContextFactory.CreateDbContextAsync(cancellationToken);
            await using (context)
            {
                context.ChangeTracker.AutoDetectChangesEnabled = false;
                context.Activities.AddRange(chunk);
                await context.SaveChangesAsync(cancellationToken);
            }
        }
    }

    private static Activity ToEntity(long memberId, GeneratedActivity activity) => new()
    {
        Id = activity.Id,
        MemberId = memberId,
        Name = activity.SportType,
        Type = activity.Type,
        SportType = activity.SportType,
        StartUtc = DateTime.SpecifyKind(activity.StartLocal.AddHours(-1), DateTimeKind.Utc),
        StartLocal = activity.StartLocal,
        TimeZone = "(GMT+01:00) Europe/Vienna",
        MovingTime = activity.MovingSeconds,
        ElapsedTime = activity.ElapsedSeconds,
        Distance = activity.MovingSeconds * 2.5,
        TotalElevationGain = 40,
        UpdatedAtUtc = SeededAtUtc,
    };
}
