using System.Net;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Strava.Fakes;
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
    private BotWorld _world = null!;
    private HttpClient _http = null!;

    private string Database => _world.Database;

    // One bot for the fixture: the tests only read what it serves, and the state the link test spends is its own.
    [OneTimeSetUp]
    public async Task StartBot()
    {
        _world = await BotWorld.CreateAsync("link");
        _http = new HttpClient { BaseAddress = new Uri(_world.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        _world.Start();
        await Eventually.ThatAsync(() => _world.Discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", TimeSpan.FromSeconds(60));
    }

    [OneTimeTearDown]
    public async Task StopBot()
    {
        _http.Dispose();
        await _world.DisposeAsync();
    }

    [Test]
    public async Task StravaAuth_RealProcess_ConnectPageLeadsToAnAuthorizeUrlWhoseStateTheCallbackAcceptsOnce()
    {
        var answer = await new SlashCommands(_world.Discord, Guild).PrivateAnswerAsync("strava_auth", user: 301);
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
            Assert.That(url.AbsoluteUri, Does.StartWith($"{_world.Strava.OAuthBaseUrl}/authorize?client_id={FakeStravaServer.ClientId}&"));
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
