using Bot.Tests.Discord.Gateway;
using Bot.Tests.Strava.Fakes;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Support;

/// <summary>
/// Everything around a real bot process in an end-to-end test: a temporary folder with the database file, the fake
/// Discord and the fake Strava on loopback, a free port for the bot's web endpoints, and the process once started.
/// Disposing stops the process (printing its log when the test failed) and removes the folder.
/// </summary>
internal sealed class BotWorld : IAsyncDisposable
{
    /// <summary>The bot token the process is given: it must never appear in what the bot logs or sends.</summary>
    public const string DiscordToken = "end-to-end-secret-discord-token";

    private BotWorld(string folder, FakeDiscordGateway discord, FakeStravaServer strava)
    {
        Folder = folder;
        Database = Path.Combine(folder, "challenge.db");
        Probe = new DatabaseProbe(Database);
        Discord = discord;
        Strava = strava;
        BaseUrl = $"http://127.0.0.1:{Loopback.FreePort()}";
    }

    public string Folder { get; }

    /// <summary>The database file, <c>challenge.db</c> in <see cref="Folder"/>.</summary>
    public string Database { get; }

    public DatabaseProbe Probe { get; }

    public FakeDiscordGateway Discord { get; }

    public FakeStravaServer Strava { get; }

    /// <summary>Where the bot listens (<c>HTTP_URLS</c>) and what it calls its public address (<c>PUBLIC_BASE_URL</c>).</summary>
    public string BaseUrl { get; }

    public RunningBot? Bot { get; private set; }

    public static async Task<BotWorld> CreateAsync(string name, int heartbeatIntervalMs = 1000) =>
        new(Directory.CreateTempSubdirectory($"bot-{name}-").FullName, FakeDiscordGateway.Start(heartbeatIntervalMs), await FakeStravaServer.StartAsync());

    /// <summary>
    /// Starts the bot with Discord, Strava, the database and the web endpoints pointed at this world (the clock's time zone
    /// UTC); <paramref name="settings"/> add to those or replace them. Without <paramref name="strava"/> the bot runs as
    /// without Strava settings (no sync, no webhook, no subscription). Called again once the last process has exited, it
    /// restarts the bot on the same database. <paramref name="botDll"/> picks another build of the bot (the footprint test
    /// measures the IL build).
    /// </summary>
    public RunningBot Start(IReadOnlyDictionary<string, string?>? settings = null, bool strava = true, string? botDll = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = DiscordToken,
            ["DISCORD_API_BASE_URL"] = Discord.ApiBaseUrl.ToString(),
            ["DATABASE_PATH"] = Database,
            ["CHALLENGE_TIME_ZONE"] = "UTC",
            ["HTTP_URLS"] = BaseUrl,
            ["PUBLIC_BASE_URL"] = BaseUrl,
        };
        if (strava)
        {
            environment["STRAVA_CLIENT_ID"] = FakeStravaServer.ClientId;
            environment["STRAVA_CLIENT_SECRET"] = FakeStravaServer.ClientSecret;
            environment["STRAVA_WEBHOOK_VERIFY_TOKEN"] = "end-to-end-verify-token";
            environment["STRAVA_API_BASE_URL"] = Strava.ApiBaseUrl;
            environment["STRAVA_OAUTH_BASE_URL"] = Strava.OAuthBaseUrl;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        Bot = RunningBot.Start(Folder, environment, botDll);
        return Bot;
    }

    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
            await Bot.ReportIfFailedAsync(Strava);
        }

        await Strava.DisposeAsync();
        Discord.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
