using Bot.Configuration;
using Bot.Data;
using Bot.Data.Entities;
using Bot.Strava;
using Bot.Strava.Api;
using Bot.Tests.Strava.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bot.Tests.Strava;

/// <summary>
/// The real Strava registration (<c>AddStrava</c>) over a real SQLite file in a temporary folder, pointed at a
/// <see cref="FakeStravaServer"/>; members are told through a <see cref="RecordingNotifier"/>. A second host
/// over the same folder stands for the bot after a restart.
/// </summary>
internal sealed class StravaTestHost : IAsyncDisposable
{
    public const string PublicBaseUrl = "http://bot.example.test";

    private readonly bool _ownsFolder;

    private StravaTestHost(FakeStravaServer strava, ServiceProvider services, string directory, bool ownsFolder)
    {
        Strava = strava;
        Services = services;
        Directory = directory;
        _ownsFolder = ownsFolder;
    }

    public FakeStravaServer Strava { get; }

    public ServiceProvider Services { get; }

    public string Directory { get; }

    public RecordingNotifier Notifier => (RecordingNotifier)Services.GetRequiredService<IMemberNotifier>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static async Task<StravaTestHost> StartAsync(
        FakeStravaServer strava, TimeProvider? time = null, string? directory = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var ownsFolder = directory is null;
        directory ??= Path.Combine(Path.GetTempPath(), "challengebot-strava-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var values = new Dictionary<string, string?>
        {
            ["STRAVA_CLIENT_ID"] = FakeStravaServer.ClientId,
            ["STRAVA_CLIENT_SECRET"] = FakeStravaServer.ClientSecret,
            ["STRAVA_WEBHOOK_VERIFY_TOKEN"] = "verify-me",
            ["STRAVA_API_BASE_URL"] = strava.ApiBaseUrl,
            ["STRAVA_OAUTH_BASE_URL"] = strava.OAuthBaseUrl,
            ["PUBLIC_BASE_URL"] = PublicBaseUrl,
        };
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton(new ChallengeOptions { TimeZone = "Etc/UTC" });
        services.AddSingleton<IMemberNotifier, RecordingNotifier>();
        services.AddSingleton(new StravaHttpSettings { RetryDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = TimeSpan.FromSeconds(2), TotalTimeout = TimeSpan.FromSeconds(20) });
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, StartedLifetime>();
        services.AddChallengeData(Path.Combine(directory, "challenge.db"));
        services.AddStrava(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return new StravaTestHost(strava, provider, directory, ownsFolder);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    internal TService GetInternal<TService>()
        where TService : notnull => Services.GetRequiredService<TService>();

    public async Task<ChallengeDbContext> CreateContextAsync() =>
        await Get<IDbContextFactory<ChallengeDbContext>>().CreateDbContextAsync();

    /// <summary>A member linked earlier: the fake knows the athlete and the tokens stored here.</summary>
    public async Task<Member> AddLinkedMemberAsync(long athleteId, long discordUserId, DateTime? expiresAtUtc = null, bool backfilled = true)
    {
        Strava.AddAthlete(athleteId);
        var (access, refresh) = Strava.IssueTokens(athleteId);
        var now = DateTime.UtcNow;
        var member = new Member
        {
            DiscordUserId = discordUserId,
            StravaAthleteId = athleteId,
            FirstName = "Member",
            LastName = athleteId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AccessToken = access,
            RefreshToken = refresh,
            TokenExpiresAtUtc = expiresAtUtc ?? Get<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(5),
            Scopes = "read,activity:read_all",
            LinkState = LinkState.Linked,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        await using var context = await CreateContextAsync();
        context.Members.Add(member);
        await context.SaveChangesAsync();
        if (backfilled)
        {
            context.StravaSyncStates.Add(new StravaSyncState
            {
                MemberId = member.Id,
                LastBackfillAtUtc = now,
                BackfilledFromLocal = new DateTime(now.Year - 1, 1, 1),
                LastSyncAtUtc = now,
            });
            await context.SaveChangesAsync();
        }

        return member;
    }

    public async Task<Challenge> AddChallengeAsync(long guildId, int season)
    {
        var challenge = new Challenge { GuildId = guildId, SeasonYear = season, RulesJson = """{"jokers": 2}""", CreatedAtUtc = DateTime.UtcNow };
        await using var context = await CreateContextAsync();
        context.Challenges.Add(challenge);
        await context.SaveChangesAsync();
        return challenge;
    }

    public async Task<Member?> FindMemberAsync(long memberId)
    {
        await using var context = await CreateContextAsync();
        return await context.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId);
    }

    public async Task<List<Activity>> ActivitiesAsync(long memberId)
    {
        await using var context = await CreateContextAsync();
        return await context.Activities.AsNoTracking().Where(a => a.MemberId == memberId).OrderBy(a => a.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsFolder)
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>An application lifetime that has started, so the subscription job does not wait.</summary>
    private sealed class StartedLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
