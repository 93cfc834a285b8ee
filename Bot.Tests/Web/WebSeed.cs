using Bot.Data.Entities;

namespace Bot.Tests.Web;

/// <summary>A season in <see cref="WebTestHost.Guild"/>: Anna (linked, with tokens and a run, consenting) and Marie (not consenting).</summary>
internal static class WebSeed
{
    public const string AnnaAccessToken = "anna-access-token-SECRET-1";
    public const string AnnaRefreshToken = "anna-refresh-token-SECRET-2";
    public const string AnnaActivityName = "Secret lakeside loop";
    public const long AnnaDiscordId = 301;
    public const long MarieDiscordId = 303;
    public const long UnlinkedDiscordId = 399;

    public static async Task<long> SeedAsync(WebTestHost host, int season = 2026)
    {
        await using var context = await host.CreateContextAsync();
        var now = DateTime.UtcNow;
        var challenge = new Challenge { GuildId = WebTestHost.Guild, SeasonYear = season, RulesJson = """{"multiplier_on":false,"jokers":2}""", CreatedAtUtc = now };
        context.Challenges.Add(challenge);
        var anna = new Member
        {
            FirstName = "Anna",
            LastName = "Tester",
            DiscordUserId = AnnaDiscordId,
            StravaAthleteId = 134815,
            AccessToken = AnnaAccessToken,
            RefreshToken = AnnaRefreshToken,
            TokenExpiresAtUtc = now.AddHours(6),
            Scopes = "read,activity:read_all",
            LinkState = LinkState.Linked,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        var marie = new Member
        {
            FirstName = "Marie",
            LastName = "Private",
            DiscordUserId = MarieDiscordId,
            StravaAthleteId = 134816,
            AccessToken = "marie-access-token-SECRET-3",
            RefreshToken = "marie-refresh-token-SECRET-4",
            LinkState = LinkState.Linked,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        context.Members.AddRange(anna, marie);
        await context.SaveChangesAsync();
        context.Participations.Add(new Participation { ChallengeId = challenge.Id, MemberId = anna.Id, ConsentToReports = true, JokersLeft = 1, JoinedAtUtc = now });
        context.Participations.Add(new Participation { ChallengeId = challenge.Id, MemberId = marie.Id, ConsentToReports = false, JokersLeft = 1, JoinedAtUtc = now });
        var start = new DateTime(season, 1, 6, 7, 0, 0);
        context.Activities.Add(new Activity
        {
            Id = 777001,
            MemberId = anna.Id,
            Name = AnnaActivityName,
            Type = "Run",
            SportType = "Run",
            StartUtc = DateTime.SpecifyKind(start, DateTimeKind.Utc),
            StartLocal = start,
            MovingTime = 2400,
            ElapsedTime = 2500,
            Distance = 7123,
            TotalElevationGain = 20,
            UpdatedAtUtc = now,
        });
        await context.SaveChangesAsync();
        return challenge.Id;
    }
}
