using System.Net;
using System.Text;
using Bot.Strava.Linking;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Strava.Linking;

/// <summary>
/// GET /strava/callback on the real host (Kestrel, SQLite file): a state that is missing, forged, expired or
/// replayed, a denial and a too narrow consent make no call to the account side; a good one exactly one.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class StravaCallbackTests
{
    private const long User = 301;
    private static readonly LinkLabels Labels = new("Anna (@anna)", "Runners & Riders");
    private FakeTimeProvider _time = null!;
    private InProcessBot _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _host = await InProcessBot.StartAsync(_time);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [SetUp]
    public void Clear() => _host.Linking.Clear();

    private async Task<string> StateAsync(long user = User)
    {
        var url = await _host.Services.GetRequiredService<StravaAuthorizeLinks>().AuthorizeAsync(user, InProcessBot.Guild, Labels, force: false, CancellationToken.None);
        return QueryHelpers.ParseQuery(new Uri(url).Query)["state"].ToString();
    }

    private async Task<(HttpStatusCode Status, string Body)> CallbackAsync(string query)
    {
        using var response = await _host.Client.GetAsync($"/strava/callback?{query}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Granted(string state, string code = "the-code", string scope = "read,activity:read_all") =>
        $"state={Uri.EscapeDataString(state)}&code={code}&scope={Uri.EscapeDataString(scope)}";

    [Test]
    public async Task Callback_ValidState_CompletesLinkExactlyOnceForTheBoundUserAndGuild()
    {
        var state = await StateAsync();

        var (status, body) = await CallbackAsync(Granted(state));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_host.Linking.Links, Is.EqualTo(new[] { (User, InProcessBot.Guild, "the-code", "read,activity:read_all") }));
            Assert.That(WebUtility.HtmlDecode(body), Does.Contain("Strava linked").And.Contain("Anna Tester")
                .And.Contain("linked to the Discord account Anna (@anna) in Runners & Riders"), "names the Discord account and server");
            Assert.That(body, Does.Contain("points").And.Contain("passed").And.Contain("amount"), "explains what the channel sees");
        });
    }

    [Test]
    public async Task Callback_SameStateAndCodeTwice_SecondIsRefusedAndNoSecondExchange()
    {
        var state = await StateAsync();
        var first = await CallbackAsync(Granted(state));

        var second = await CallbackAsync(Granted(state));

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(second.Body, Does.Contain("already used"));
            Assert.That(_host.Linking.Links, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Callback_ConcurrentReplays_ExactlyOneExchange()
    {
        var state = await StateAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CallbackAsync(Granted(state))));

        Assert.Multiple(() =>
        {
            Assert.That(answers.Count(a => a.Status == HttpStatusCode.OK), Is.EqualTo(1));
            Assert.That(_host.Linking.Links, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Callback_MissingState_RefusedWithoutAnyAccountCall()
    {
        var (status, body) = await CallbackAsync("code=the-code&scope=read,activity:read_all");

        Assert.That((status, _host.Linking.Calls), Is.EqualTo((HttpStatusCode.BadRequest, 0)));
        Assert.That(body, Does.Contain("no state"));
    }

    [TestCase("garbage")]
    [TestCase("dGhpcyBpcyBub3Q.c2lnbmVk")]
    public async Task Callback_ForgedState_RefusedWithoutAnyAccountCall(string forged)
    {
        var (status, body) = await CallbackAsync(Granted(forged));

        Assert.That((status, _host.Linking.Calls), Is.EqualTo((HttpStatusCode.BadRequest, 0)));
        Assert.That(body, Does.Contain("not issued by ChallengeBot"));
    }

    [Test]
    public async Task Callback_StateWithChangedUser_RefusedAsForged()
    {
        // Same signature, payload re-bound to another Discord user: the HMAC no longer matches.
        var state = await StateAsync();
        var dot = state.IndexOf('.', StringComparison.Ordinal);
        var payload = Encoding.ASCII.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(state.AsSpan(0, dot)));
        var rebound = payload.Replace($":{User}:", ":999:", StringComparison.Ordinal);
        var forged = System.Buffers.Text.Base64Url.EncodeToString(Encoding.ASCII.GetBytes(rebound)) + state[dot..];

        var (status, body) = await CallbackAsync(Granted(forged));

        Assert.That((status, _host.Linking.Calls), Is.EqualTo((HttpStatusCode.BadRequest, 0)));
        Assert.That(body, Does.Contain("not issued by ChallengeBot"));
    }

    [Test]
    public async Task Callback_StateOlderThanTenMinutes_RefusedAsExpiredWithoutAnyAccountCall()
    {
        var state = await StateAsync();
        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var (status, body) = await CallbackAsync(Granted(state));

        Assert.That((status, _host.Linking.Calls), Is.EqualTo((HttpStatusCode.BadRequest, 0)));
        Assert.That(body, Does.Contain("expired"));
    }

    [Test]
    public async Task Callback_StateJustUnderTenMinutes_Accepted()
    {
        var state = await StateAsync();
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(5));

        var (status, _) = await CallbackAsync(Granted(state));

        Assert.That((status, _host.Linking.Links.Count), Is.EqualTo((HttpStatusCode.OK, 1)));
    }

    [Test]
    public async Task Callback_AccessDenied_ClearPageAndNoAccountCall()
    {
        var state = await StateAsync();

        var (status, body) = await CallbackAsync($"state={Uri.EscapeDataString(state)}&error=access_denied");

        Assert.That((status, _host.Linking.Calls), Is.EqualTo((HttpStatusCode.OK, 0)));
        Assert.That(body, Does.Contain("did not authorize").And.Contain("nothing was linked"));
    }

    [TestCase("read")]
    [TestCase("read,profile:read_all")]
    [TestCase("")]
    public async Task Callback_ScopeWithoutActivityRead_AsksToAuthorizeAgainWithForcedPromptAndNoExchange(string scope)
    {
        var state = await StateAsync();

        var (status, body) = await CallbackAsync(Granted(state, scope: scope));

        Assert.Multiple(() =>
        {
            Assert.That(_host.Linking.Calls, Is.Zero);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Does.Contain("Please authorize again"));
            Assert.That(WebUtility.HtmlDecode(body), Does.Contain($"{InProcessBot.OAuthBaseUrl}/authorize?").And.Contain("approval_prompt=force"));
        });
    }

    [Test]
    public async Task Callback_ScopeWithoutActivityRead_StoredAsInsufficientScopeWithoutAnExchange()
    {
        var state = await StateAsync();

        await CallbackAsync(Granted(state, scope: "read"));

        Assert.Multiple(() =>
        {
            Assert.That(_host.Linking.NarrowScopes, Is.EqualTo(new[] { (User, "read") }));
            Assert.That(_host.Linking.Links, Is.Empty);
        });
    }

    [Test]
    public async Task Callback_ActivityReadWithoutReadAll_IsEnoughAndLinks()
    {
        var state = await StateAsync();

        var (status, _) = await CallbackAsync(Granted(state, scope: "read,activity:read"));

        Assert.That((status, _host.Linking.Links.Count), Is.EqualTo((HttpStatusCode.OK, 1)));
    }

    [Test]
    public async Task Callback_AccountSideFails_PageSaysWhyAndStateIsSpent()
    {
        _host.Linking.LinkAnswer = new Bot.Strava.LinkOutcome(false, "", 0, "Strava refused the authorization code.");
        try
        {
            var state = await StateAsync();

            var first = await CallbackAsync(Granted(state));
            var again = await CallbackAsync(Granted(state));

            Assert.Multiple(() =>
            {
                Assert.That(first.Status, Is.EqualTo(HttpStatusCode.BadGateway));
                Assert.That(first.Body, Does.Contain("Strava refused the authorization code."));
                Assert.That(again.Status, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(_host.Linking.Links, Has.Count.EqualTo(1));
            });
        }
        finally
        {
            _host.Linking.LinkAnswer = new Bot.Strava.LinkOutcome(true, "Anna Tester", 1, null);
        }
    }

    [Test]
    public async Task Callback_Linked_MemberIsToldByDirectMessage()
    {
        const long user = 8080;
        var state = await StateAsync(user);

        await CallbackAsync(Granted(state));

        await Eventually.ThatAsync(
            () => _host.Discord.RestRequests.Any(r => r.Method == "POST" && r.Path == "/api/v10/users/@me/channels" && r.Body.Contains($"\"{user}\"", StringComparison.Ordinal)),
            "the DM channel for the member", TimeSpan.FromSeconds(20));
        await Eventually.ThatAsync(
            () => _host.Discord.RestRequests.Any(r => r.Path == $"/api/v10/channels/{FakeDiscordGateway.DmChannelOf(user)}/messages" && r.Body.Contains("Strava linked", StringComparison.Ordinal)),
            "the DM saying the link is done", TimeSpan.FromSeconds(20));
    }
}
