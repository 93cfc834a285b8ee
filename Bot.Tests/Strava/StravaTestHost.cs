using Bot.Configuration;
using Bot.Data;
using Bot.Data.Entities;
using Bot.Data.Repositories;
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

    public string DatabasePath => Path.Combine(Directory, "challenge.db");

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
        // Short retries; an attempt timeout only a deliberately slow answer (5 s) reaches: 4 s, not 2, because an answer
        // the fake delays by half a second can take seconds more on a machine running the whole suite at full CPU.
        services.AddSingleton(new StravaHttpSettings { RetryDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = TimeSpan.FromSeconds(4), TotalTimeout = TimeSpan.FromSeconds(20) });
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

    /// <summary>A member linked earlier (not <paramref name="backfilled"/>: imported, no sync record yet): the fake knows the athlete and the tokens stored here.</summary>
    public async Task<Member> AddLinkedMemberAsync(long athleteId, long discordUserId, DateTime? expiresAtUtc = null, bool backfilled = true)
    {
        Strava.AddAthlete(athleteId);
        var (access, refresh) = Strava.IssueTokens(athleteId);
        var world = WorldBuilder.For(DatabasePath)
            .Member("Member", discordUserId, lastName: athleteId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Strava(athleteId, access, refresh, expiresAtUtc ?? Get<TimeProvider>().GetUtcNow().AddHours(5));
        if (backfilled)
        {
            world.Backfilled(fromLocal: new DateTime(DateTime.UtcNow.Year - 1, 1, 1));
        }
        else
        {
            world.Imported();
        }

        return (await FindMemberAsync((await world.SeedAsync())["Member"].Id))!;
    }

    public async Task<ChallengeRow> AddChallengeAsync(long guildId, int season)
    {
        await WorldBuilder.For(DatabasePath).Challenge(guildId, season, """{"jokers": 2}""").SeedAsync();
        return (await Get<ChallengeRepository>().GetAsync(guildId, season))!;
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
