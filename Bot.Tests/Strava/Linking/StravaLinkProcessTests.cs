using System.Net;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Bot.Tests.Strava.Linking;

/// <summary>
/// The real bot process (Discord client and Kestrel in one process) against the fake Discord: /strava_auth answers
/// privately with a link to the connect page, whose button is an authorize URL with the same state, which the same
/// process's callback accepts once.
/// </summary>
[Category(TestCategories.Process)]
public sealed class StravaLinkProcessTests
{
    private const long Guild = 4242;
    private string _folder = null!;
    private FakeDiscordGateway _discord = null!;
    private RunningBot _bot = null!;
    private HttpClient _http = null!;

    private string Database => Path.Combine(_folder, "bot.db");

    [SetUp]
    public async Task SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("bot-link-").FullName;
        _discord = FakeDiscordGateway.Start(heartbeatIntervalMs: 1000);
        var port = Loopback.FreePort();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        _bot = RunningBot.Start(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "link-secret-token",
            ["DISCORD_API_BASE_URL"] = _discord.ApiBaseUrl.ToString(),
            ["DATABASE_PATH"] = Database,
            ["CHALLENGE_TIME_ZONE"] = "UTC",
            ["HTTP_URLS"] = $"http://127.0.0.1:{port}",
            ["PUBLIC_BASE_URL"] = $"http://127.0.0.1:{port}",
            ["STRAVA_CLIENT_ID"] = "4711",
            ["STRAVA_CLIENT_SECRET"] = "process-test-secret",
            ["STRAVA_API_BASE_URL"] = "http://127.0.0.1:9/api/v3",
            ["STRAVA_OAUTH_BASE_URL"] = "http://127.0.0.1:9/oauth",
        });
        await Eventually.ThatAsync(() => _discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", TimeSpan.FromSeconds(60));
    }

    [TearDown]
    public async Task TearDown()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        _discord.Dispose();
        Directory.Delete(_folder, recursive: true);
    }


    [Test]
    public async Task StravaAuth_RealProcess_ConnectPageLeadsToAnAuthorizeUrlWhoseStateTheCallbackAcceptsOnce()
    {
        var answer = await new SlashCommands(_discord, Guild).PrivateAnswerAsync("strava_auth", user: 301);
        var connect = ConnectPageHtml.LinkIn(answer);
        using var page = await _http.GetAsync(connect.PathAndQuery);
        var url = ConnectPageHtml.ButtonTarget(await page.Content.ReadAsStringAsync())!;
        var query = QueryHelpers.ParseQuery(url.Query);
        var redirect = new Uri(query["redirect_uri"]!);

        // A too narrow scope: the state is accepted (and spent) without any code exchange, whatever Strava client is wired.
        var callback = $"{redirect.AbsolutePath}?state={Uri.EscapeDataString(query["state"]!)}&code=abc&scope=read";
        using var first = await _http.GetAsync(callback);
        using var replay = await _http.GetAsync(callback);

        Assert.Multiple(async () =>
        {
            Assert.That(url.AbsoluteUri, Does.StartWith("http://127.0.0.1:9/oauth/authorize?client_id=4711&"));
            Assert.That(query["state"].ToString(), Is.EqualTo(QueryHelpers.ParseQuery(connect.Query)["state"].ToString()), "the page's state");
            Assert.That(query["approval_prompt"].ToString(), Is.EqualTo("auto"));
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await first.Content.ReadAsStringAsync(), Does.Contain("Please authorize again"));
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await replay.Content.ReadAsStringAsync(), Does.Contain("already used"));
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Start_NewDatabase_FileIsOwnerOnly()
    {
        await Eventually.ThatAsync(() => File.Exists(Database), "the database file", TimeSpan.FromSeconds(30));

        await Eventually.ThatAsync(() => File.Exists(Database + "-wal"), "the WAL file", TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(Database), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Database + "-wal"), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "SQLite copies the file's mode");
        });
    }

    [Test]
    public async Task Healthz_RealProcess_HealthyOnceConnected()
    {
        var healthy = await Eventually.TrueAsync(() =>
        {
            using var response = _http.GetAsync("/healthz").GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30));

        Assert.That(healthy, Is.True);
    }
}
