using System.Net;
using Bot.Strava.Linking;
using Bot.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Strava.Linking;

/// <summary>
/// GET /strava/connect on the real host (Kestrel, SQLite file): the page names whom the link was made for, says
/// what the channel shows, and its button carries the same state to Strava; looking never spends the state,
/// and a state the callback would refuse is refused here with the same page.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class StravaConnectPageTests
{
    private const long Ada = 301;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private InProcessBot _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await InProcessBot.StartAsync(_time);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    // The account side records every link; each test counts its own.
    [SetUp]
    public void Clear() => _host.Linking.Clear();

    private async Task<string> StateAsync(LinkLabels labels, bool force = false)
    {
        var url = await _host.Services.GetRequiredService<StravaAuthorizeLinks>().ConnectAsync(Ada, InProcessBot.Guild, labels, force, CancellationToken.None);
        Assert.That(url, Does.StartWith($"{InProcessBot.PublicBaseUrl}/strava/connect?state="));
        return QueryHelpers.ParseQuery(new Uri(url).Query)["state"].ToString();
    }

    private async Task<(HttpStatusCode Status, string Html)> PageAsync(string query)
    {
        using var response = await _host.Client.GetAsync($"/strava/connect?{query}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Query(string state) => $"state={Uri.EscapeDataString(state)}";

    [Test]
    public async Task Connect_IssuedState_NamesAccountAndServerSaysWhatTheChannelShowsAndLinksToStravaWithTheSameState()
    {
        var state = await StateAsync(new LinkLabels("Ada (@ada)", "Runners"));

        var (status, html) = await PageAsync(Query(state));

        var text = WebUtility.HtmlDecode(html);
        var button = ConnectPageHtml.ButtonTarget(html)!;
        var query = QueryHelpers.ParseQuery(button.Query);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Contain("<h1>Connect Strava for Ada (@ada) in Runners — continue only if this is you</h1>"));
            Assert.That(text, Does.Contain(StravaCallback.ChannelSees), "the one text of what the channel sees");
            Assert.That(text, Does.Contain("your consent to those channel reports").And.Contain("/join reports:false"));
            Assert.That(button.GetLeftPart(UriPartial.Path), Is.EqualTo($"{InProcessBot.OAuthBaseUrl}/authorize"));
            Assert.That((query["state"].ToString(), query["approval_prompt"].ToString()), Is.EqualTo((state, "auto")));
            Assert.That(html, Does.Not.Contain("<script"), "no JavaScript");
            Assert.That(_host.Linking.Calls, Is.Zero);
        });
    }

    [Test]
    public async Task Connect_Relink_ButtonForcesStravasConsentPage()
    {
        var state = await StateAsync(new LinkLabels("@ada", null), force: true);

        var (_, html) = await PageAsync(Query(state));

        Assert.That(ConnectPageHtml.ButtonTarget(html)!.Query, Does.Contain("approval_prompt=force"));
        Assert.That(WebUtility.HtmlDecode(html), Does.Contain("Connect Strava for @ada in this server"));
    }

    [Test]
    public async Task Connect_HostileNames_ShownAsTextNeverAsMarkup()
    {
        var state = await StateAsync(new LinkLabels("<b>Ada</b> (@ada)", "<script>alert(1)</script>"));

        var (_, html) = await PageAsync(Query(state));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script>").And.Not.Contain("<b>"));
            Assert.That(html, Does.Contain("&lt;b&gt;Ada&lt;/b&gt; (@ada) in &lt;script&gt;alert(1)&lt;/script&gt;"));
        });
    }

    [Test]
    public async Task Connect_Twice_StateStillRedeemedOnceByTheCallback()
    {
        var state = await StateAsync(new LinkLabels("Ada (@ada)", "Runners"));

        var first = await PageAsync(Query(state));
        var second = await PageAsync(Query(state));
        using var callback = await _host.Client.GetAsync($"/strava/callback?{Query(state)}&code=c1&scope=read,activity:read_all");
        var afterwards = await PageAsync(Query(state));

        Assert.Multiple(() =>
        {
            Assert.That((first.Status, second.Status), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(callback.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_host.Linking.Links, Has.Count.EqualTo(1));
            Assert.That(afterwards.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(afterwards.Html, Does.Contain("already used"));
            Assert.That(ConnectPageHtml.ButtonTarget(afterwards.Html), Is.Null);
        });
    }

    [TestCase("", "no state")]
    [TestCase("state=garbage", "not issued by ChallengeBot")]
    [TestCase("state=dGhpcyBpcyBub3Q.c2lnbmVk", "not issued by ChallengeBot")]
    public async Task Connect_MissingOrForgedState_RefusalPageWithoutButton(string query, string why)
    {
        var (status, html) = await PageAsync(query);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(html, Does.Contain("Link not accepted").And.Contain(why));
            Assert.That(ConnectPageHtml.ButtonTarget(html), Is.Null);
            Assert.That(_host.Linking.Calls, Is.Zero);
        });
    }

    [Test]
    public async Task Connect_StateOlderThanTenMinutes_RefusedAsExpired()
    {
        var state = await StateAsync(new LinkLabels("Ada (@ada)", "Runners"));
        _time.Advance(OAuthStates.Lifetime + TimeSpan.FromSeconds(1));

        var (status, html) = await PageAsync(Query(state));

        Assert.That((status, html.Contains("expired", StringComparison.Ordinal), ConnectPageHtml.ButtonTarget(html)), Is.EqualTo((HttpStatusCode.BadRequest, true, (Uri?)null)));
    }
}
