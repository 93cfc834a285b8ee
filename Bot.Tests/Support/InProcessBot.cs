using Bot.Data;
using Bot.Hosting;
using Bot.Strava;
using Bot.Strava.Linking;
using Bot.Strava.Webhooks;
using Bot.Tests.Discord.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Support;

/// <summary>
/// The bot under test in this process (<see cref="BotWorld"/> runs it as a process): the real application, Kestrel on 127.0.0.1 (ephemeral port), a real SQLite file in a
/// temporary folder, the fake Discord on loopback, and the Strava account side replaced by a recording double
/// (the seam: <see cref="BotApp.Build"/>'s <c>configureServices</c>).
/// </summary>
internal sealed class InProcessBot : IAsyncDisposable
{
    public const long Guild = 4242;
    public const string VerifyToken = "verify-token-for-tests";
    public const string WebhookSecret = "webhook-path-secret-for-tests-0123456789";
    public const string WebhookPath = "/strava/webhook/" + WebhookSecret;
    public const string PublicBaseUrl = "https://bot.example.test";
    public const string OAuthBaseUrl = "https://strava.example.test/oauth";
    public const string ClientId = "31337";

    private InProcessBot(string folder, FakeDiscordGateway discord, WebApplication app, RecordingStravaLinking linking, RecordingQueueSignal signal)
    {
        Folder = folder;
        Discord = discord;
        App = app;
        Linking = linking;
        Signal = signal;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        Commands = new SlashCommands(discord, Guild);
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "bot.db");

    public FakeDiscordGateway Discord { get; }

    public WebApplication App { get; }

    public RecordingStravaLinking Linking { get; }

    public RecordingQueueSignal Signal { get; }

    public HttpClient Client { get; }

    /// <summary>Slash commands in <see cref="Guild"/> through the fake Discord, as for the bot process.</summary>
    public SlashCommands Commands { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<InProcessBot> StartAsync(TimeProvider? time = null, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var folder = Directory.CreateTempSubdirectory("bot-web-").FullName;
        var discord = FakeDiscordGateway.Start(heartbeatIntervalMs: 1000);
        var settings = new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "web-test-discord-token",
            ["DISCORD_API_BASE_URL"] = discord.ApiBaseUrl.ToString(),
            ["DATABASE_PATH"] = Path.Combine(folder, "bot.db"),
            ["CHALLENGE_TIME_ZONE"] = "UTC",
            ["HTTP_URLS"] = "http://127.0.0.1:0",
            ["PUBLIC_BASE_URL"] = PublicBaseUrl,
            ["STRAVA_CLIENT_ID"] = ClientId,
            ["STRAVA_CLIENT_SECRET"] = "client-secret-for-tests",
            ["STRAVA_WEBHOOK_VERIFY_TOKEN"] = VerifyToken,
            ["STRAVA_WEBHOOK_SECRET"] = WebhookSecret,
            ["STRAVA_OAUTH_BASE_URL"] = OAuthBaseUrl,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var linking = new RecordingStravaLinking();
        var signal = new RecordingQueueSignal();
        var app = BotApp.Build([], settings, services =>
        {
            services.AddSingleton<IStravaLinking>(linking);
            services.AddSingleton<IWebhookQueueSignal>(signal);
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });
        await BotApp.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        return new InProcessBot(folder, discord, app, linking, signal);
    }

    public async Task<ChallengeDbContext> CreateContextAsync() =>
        await Services.GetRequiredService<IDbContextFactory<ChallengeDbContext>>().CreateDbContextAsync();

    /// <summary>A fresh authorize URL's state for the user in <see cref="Guild"/>, as /strava_auth would issue it.</summary>
    public async Task<string> IssueStateAsync(long user, long guild = Guild) =>
        await Services.GetRequiredService<OAuthStates>().IssueAsync(user, guild, LinkLabels.Unknown, forceApproval: false, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Discord.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
