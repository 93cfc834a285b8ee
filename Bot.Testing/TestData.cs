using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Testing;

/// <summary>Seeds rows through EF, the way production writes them.</summary>
internal static class TestData
{
    public static readonly DateTime Now = new(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static async Task<Challenge> AddChallengeAsync(TempDatabase database, long guildId = 1, int seasonYear = 2024)
    {
        var challenge = new Challenge
        {
            GuildId = guildId,
            SeasonYear = seasonYear,
            RulesJson = "{}",
            CreatedAtUtc = Now,
        };
        await AddAsync(database, challenge);
        return challenge;
    }

    public static async Task<Member> AddMemberAsync(TempDatabase database, string firstName, long? discordUserId = null, long? athleteId = null)
    {
        var member = new Member
        {
            DiscordUserId = discordUserId,
            StravaAthleteId = athleteId,
            FirstName = firstName,
            LastName = "Tester",
            AccessToken = "secret-access",
            RefreshToken = "secret-refresh",
            LinkState = LinkState.Linked,
            CreatedAtUtc = Now,
            UpdatedAtUtc = Now,
        };
        await AddAsync(database, member);
        return member;
    }

    public static async Task<Participation> AddParticipationAsync(TempDatabase database, Challenge challenge, Member member, int jokersLeft = 1)
    {
        var participation = new Participation
        {
            ChallengeId = challenge.Id,
            MemberId = member.Id,
            ConsentToReports = true,
            JokersLeft = jokersLeft,
            JoinedAtUtc = Now,
        };
        await AddAsync(database, participation);
        return participation;
    }

    public static Activity NewActivity(long id, Member member, DateTime startLocal, string sportType = "Run") => new()
    {
        Id = id,
        MemberId = member.Id,
        Name = "Activity " + id,
        Type = sportType,
        SportType = sportType,
        StartUtc = DateTime.SpecifyKind(startLocal.AddHours(-1), DateTimeKind.Utc),
        StartLocal = startLocal,
        TimeZone = "(GMT+01:00) Europe/Vienna",
        MovingTime = 1800,
        ElapsedTime = 1900,
        Distance = 5000,
        TotalElevationGain = 40,
        UpdatedAtUtc = Now,
    };

    /// <summary>The sync record of a member whose season back-fill completed at <paramref name="atUtc"/>: not "syncing", their weeks are priced.</summary>
    public static StravaSyncState CompletedBackfill(long memberId, DateTime atUtc) => new()
    {
        MemberId = memberId,
        LastBackfillAtUtc = atUtc,
        BackfilledFromLocal = new DateTime(atUtc.Year - 1, 12, 1),
        LastRecheckAtUtc = atUtc,
        LastSyncAtUtc = atUtc,
    };

    /// <summary>A queued webhook event about <paramref name="owner"/>'s activity, waiting until 2030 unless processed.</summary>
    public static WebhookEvent NewWebhookEvent(long owner, DateTime receivedAtUtc, bool processed) => new()
    {
        ReceivedAtUtc = receivedAtUtc,
        ObjectType = "activity",
        ObjectId = 1,
        AspectType = "update",
        OwnerId = owner,
        SubscriptionId = 1,
        EventTime = new DateTimeOffset(receivedAtUtc).ToUnixTimeSeconds(),
        UpdatesJson = """{"title":"Secret lakeside loop"}""",
        NextAttemptAtUtc = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        ProcessedAtUtc = processed ? receivedAtUtc : null,
    };

    public static async Task AddAsync(TempDatabase database, params object[] entities)
    {
        await using var context = await database.CreateContextAsync();
        context.AddRange(entities);
        await context.SaveChangesAsync();
    }

    public static async Task<long> CountAsync(TempDatabase database, string table)
    {
        await using var context = await database.CreateContextAsync();
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
