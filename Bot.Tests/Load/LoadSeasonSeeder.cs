using Bot.Data;
using Bot.Data.Entities;
using Bot.Data.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Load;

/// <summary>
/// A compact, deterministic large season in a real SQLite file: members who all consent, each with
/// about <c>perWeek</c> runs in every completed week of the season so far, inserted in large batches.
/// </summary>
internal static class LoadSeasonSeeder
{
    private const int ActivitiesPerSave = 20_000;

    public static async Task<int> SeedAsync(string database, long guild, int season, int members, int weeks, int perWeek, CancellationToken cancellationToken = default)
    {
        await using var services = new ServiceCollection().AddChallengeData(database).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var challenge = await services.GetRequiredService<ChallengeRepository>().SaveRulesAsync(guild, season, "{}", cancellationToken);
        var factory = services.GetRequiredService<IDbContextFactory<ChallengeDbContext>>();
        var now = DateTime.UtcNow;
        var rows = Enumerable.Range(0, members).Select(i => new Member
        {
            FirstName = $"Member{i:0000}",
            LastName = "Load",
            DiscordUserId = 500_000 + i,
            StravaAthleteId = 60_000_000 + i,
            LinkState = LinkState.Linked,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        }).ToList();
        await using (var context = await factory.CreateDbContextAsync(cancellationToken))
        {
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            context.Members.AddRange(rows);
            await context.SaveChangesAsync(cancellationToken);
            context.Participations.AddRange(rows.Select(m => new Participation
            {
                ChallengeId = challenge.Id,
                MemberId = m.Id,
                ConsentToReports = true,
                JokersLeft = 1,
                JoinedAtUtc = now,
            }));
            await context.SaveChangesAsync(cancellationToken);
        }

        var monday = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(season, 1, DayOfWeek.Monday));
        var random = new Random(20_261_201);
        var id = 70_000_000_000L;
        var activities = new List<ActivityRecord>();
        foreach (var member in rows)
        {
            for (var week = 0; week < weeks; week++)
            {
                // 0..2·perWeek runs a week, perWeek on average: some weeks pass, some fail.
                var count = random.Next(0, 2 * perWeek + 1);
                for (var n = 0; n < count; n++)
                {
                    var start = monday.AddDays(week * 7 + random.Next(7)).ToDateTime(new TimeOnly(6 + random.Next(14), random.Next(60)));
                    var moving = 600 + random.Next(3600);
                    var sport = n % 5 == 4 ? "Ride" : "Run";
                    activities.Add(new ActivityRecord(
                        id++, member.Id, sport, sport, sport, DateTime.SpecifyKind(start, DateTimeKind.Utc), start, null, moving, moving + 60, moving * 2.8, 30, null));
                }
            }
        }

        // The back-fill's bulk writer (one prepared statement per transaction): seeding through EF's change tracker took three times as long.
        var repository = services.GetRequiredService<ActivityRepository>();
        foreach (var chunk in activities.Chunk(ActivitiesPerSave))
        {
            await repository.UpsertManyAsync(chunk, cancellationToken);
        }

        return activities.Count;
    }
}
