using System.Net;
using System.Text.RegularExpressions;
using Bot.Data.Entities;
using Bot.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Commands;

/// <summary>
/// /strava_auth, /link, /join, /unlink and /help in the real host (in-process), driven through the fake Discord
/// gateway: each answers privately; the account side sees exactly the calls the command makes.
/// </summary>
[Category(TestCategories.Integration)]
public sealed partial class StravaCommandsTests
{
    private InProcessBot _host = null!;
    private long _challengeId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_host, _challengeId) = await WebSeed.StartBotAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [SetUp]
    public void Clear() => _host.Linking.Clear();

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex Url();

    private static Uri LinkIn(string answer) => new(Url().Match(answer).Value);

    [TestCase("strava_auth")]
    [TestCase("link")]
    public async Task StravaAuth_NewMember_PrivateLinkToOurConnectPageWithAState(string command)
    {
        var before = _host.Discord.RestRequests.Count;

        var answer = await _host.Commands.PrivateAnswerAsync(command, user: 501);

        var url = LinkIn(answer);
        Assert.Multiple(() =>
        {
            Assert.That(url.GetLeftPart(UriPartial.Path), Is.EqualTo($"{InProcessBot.PublicBaseUrl}/strava/connect"));
            Assert.That(QueryHelpers.ParseQuery(url.Query).Keys, Is.EqualTo(new[] { "state" }));
            Assert.That(answer, Does.Contain("10 minutes").And.Contain("points").And.Contain("Open it only yourself").And.Contain("@u501"));
            Assert.That(_host.Discord.RestRequests.Skip(before).Count(r => r.Method == "GET" && r.Path == $"/api/v10/guilds/{InProcessBot.Guild}"), Is.EqualTo(1),
                "the server's name is asked of Discord");
            Assert.That(_host.Linking.Calls, Is.Zero);
        });
    }

    [Test]
    public async Task StravaAuth_ConnectPageButton_IsStravasAuthorizeUrlWithEveryParameterAndTheSameState()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("strava_auth", user: 506);
        var state = QueryHelpers.ParseQuery(LinkIn(answer).Query)["state"].ToString();

        var authorize = await ConnectButtonAsync(state);

        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Multiple(() =>
        {
            Assert.That(authorize.GetLeftPart(UriPartial.Path), Is.EqualTo($"{InProcessBot.OAuthBaseUrl}/authorize"));
            Assert.That(query["client_id"].ToString(), Is.EqualTo(InProcessBot.ClientId));
            Assert.That(query["redirect_uri"].ToString(), Is.EqualTo($"{InProcessBot.PublicBaseUrl}/strava/callback"));
            Assert.That(query["response_type"].ToString(), Is.EqualTo("code"));
            Assert.That(query["approval_prompt"].ToString(), Is.EqualTo("auto"));
            Assert.That(query["scope"].ToString(), Is.EqualTo("read,activity:read_all"));
            Assert.That(query["state"].ToString(), Is.EqualTo(state));
        });
    }

    [Test]
    public async Task StravaAuth_UrlState_IsAcceptedByTheCallbackForThatUserAndGuild()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("strava_auth", user: 502);
        var query = QueryHelpers.ParseQuery(LinkIn(answer).Query);

        using var response = await _host.Client.GetAsync($"/strava/callback?state={Uri.EscapeDataString(query["state"]!)}&code=c502&scope=read,activity:read_all");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_host.Linking.Links, Is.EqualTo(new[] { (502L, InProcessBot.Guild, "c502", "read,activity:read_all") }));
    }

    [Test]
    public async Task StravaAuth_AlreadyLinkedMember_RelinkForcesTheConsentPage()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("strava_auth", user: WebSeed.AnnaDiscordId);

        var authorize = await ConnectButtonAsync(QueryHelpers.ParseQuery(LinkIn(answer).Query)["state"].ToString());

        Assert.That(QueryHelpers.ParseQuery(authorize.Query)["approval_prompt"].ToString(), Is.EqualTo("force"));
    }

    [Test]
    public async Task StravaAuth_DiscordDoesNotNameTheServer_PageSaysThisServer()
    {
        _host.Discord.GuildName = null;
        try
        {
            var answer = await _host.Commands.PrivateAnswerAsync("strava_auth", user: 507);

            var page = await ConnectPageAsync(QueryHelpers.ParseQuery(LinkIn(answer).Query)["state"].ToString());

            Assert.That(page, Does.Contain("Connect Strava for @u507 in this server — continue only if this is you"));
        }
        finally
        {
            _host.Discord.GuildName = "Fake Guild";
        }
    }

    [Test]
    public async Task StravaAuth_InDirectMessage_PrivateRefusalAndNoLink()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("strava_auth", user: 503, inGuild: false);

        Assert.That(answer, Does.Contain("server").And.Not.Contain("https://"));
    }

    [Test]
    public async Task Unlink_LinkedMember_CallsUnlinkOnceAndConfirmsPrivately()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("unlink", user: WebSeed.MarieDiscordId);

        Assert.Multiple(() =>
        {
            Assert.That(_host.Linking.Unlinks, Is.EqualTo(new[] { WebSeed.MarieDiscordId }));
            Assert.That(_host.Linking.Links, Is.Empty);
            Assert.That(answer, Does.Contain("removed").And.Contain("deleted"));
        });
    }

    [Test]
    public async Task Unlink_NotLinked_SaysSo()
    {
        _host.Linking.UnlinkAnswer = Bot.Strava.UnlinkOutcome.WasNotLinked;
        try
        {
            var answer = await _host.Commands.PrivateAnswerAsync("unlink", user: 504);

            Assert.That(answer, Does.Contain("nothing to remove"));
            Assert.That(_host.Linking.Unlinks, Has.Count.EqualTo(1));
        }
        finally
        {
            _host.Linking.UnlinkAnswer = Bot.Strava.UnlinkOutcome.Unlinked;
        }
    }

    [Test]
    public async Task Join_LinkedMemberNotInSeason_JoinsWithSeasonJokersAndConsentExplained()
    {
        await AddLinkedMemberAsync("Jonas", "Elsewhere", 601, 600601);

        var answer = await _host.Commands.PrivateAnswerAsync("join", user: 601);
        var again = await _host.Commands.PrivateAnswerAsync("join", user: 601);

        await using var check = await _host.CreateContextAsync();
        var participation = await check.Participations.SingleAsync(p => p.ChallengeId == _challengeId && p.Member.DiscordUserId == 601);
        Assert.Multiple(() =>
        {
            Assert.That((participation.ConsentToReports, participation.JokersLeft), Is.EqualTo((true, 2)));
            Assert.That(answer, Does.Contain("joined season 2026").And.Contain("points").And.Contain("Never your activities"));
            Assert.That(again, Does.Contain("already in"));
            Assert.That(_host.Linking.Calls, Is.Zero);
        });
    }

    [Test]
    public async Task Join_WithoutReports_StoresNoConsent()
    {
        await AddLinkedMemberAsync("Lea", "Quiet", 602, 600602);

        var answer = await _host.Commands.PrivateAnswerAsync("join", user: 602, optionsJson: """[{"name":"reports","type":5,"value":false}]""");

        await using var check = await _host.CreateContextAsync();
        var participation = await check.Participations.SingleAsync(p => p.Member.DiscordUserId == 602);
        Assert.That(participation.ConsentToReports, Is.False);
        Assert.That(answer, Does.Contain("not to appear"));
    }

    [Test]
    public async Task Join_AlreadyInWithReportsOption_ChangesOnlyTheConsent()
    {
        await AddLinkedMemberAsync("Otto", "Changes", 603, 600603);

        await _host.Commands.PrivateAnswerAsync("join", user: 603);
        var optOut = await _host.Commands.PrivateAnswerAsync("join", user: 603, optionsJson: """[{"name":"reports","type":5,"value":false}]""");
        var consentAfterOptOut = await ConsentAsync(603);
        var bare = await _host.Commands.PrivateAnswerAsync("join", user: 603);
        var consentAfterBare = await ConsentAsync(603);
        var optIn = await _host.Commands.PrivateAnswerAsync("join", user: 603, optionsJson: """[{"name":"reports","type":5,"value":true}]""");

        Assert.Multiple(async () =>
        {
            Assert.That((consentAfterOptOut, consentAfterBare, await ConsentAsync(603)), Is.EqualTo((false, false, true)));
            Assert.That(optOut, Does.Contain("already in").And.Contain("now stay out of channel reports"));
            Assert.That(bare, Does.Contain("You stay out of channel reports"), "a bare /join changes nothing");
            Assert.That(optIn, Does.Contain("now appear in channel reports"));
        });
    }

    [Test]
    public async Task Join_NotLinked_AsksToLinkFirst()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("join", user: WebSeed.UnlinkedDiscordId);

        await using var check = await _host.CreateContextAsync();
        Assert.That(answer, Does.Contain("/strava_auth"));
        Assert.That(await check.Participations.CountAsync(p => p.Member.DiscordUserId == WebSeed.UnlinkedDiscordId), Is.Zero);
    }

    [Test]
    public async Task Help_ListsTheLinkingCommands()
    {
        var answer = await HelpTextAsync();

        Assert.That(answer, Does.Contain("/strava_auth").And.Contain("/link").And.Contain("/join").And.Contain("/unlink"));
    }

    /// <summary>A member linked to Strava but in no season yet.</summary>
    private async Task AddLinkedMemberAsync(string firstName, string lastName, long discordUserId, long athleteId)
    {
        await using var context = await _host.CreateContextAsync();
        var now = DateTime.UtcNow;
        context.Members.Add(new Member
        {
            FirstName = firstName,
            LastName = lastName,
            DiscordUserId = discordUserId,
            StravaAthleteId = athleteId,
            LinkState = LinkState.Linked,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        });
        await context.SaveChangesAsync();
    }

    private async Task<bool> ConsentAsync(long discordUserId)
    {
        await using var context = await _host.CreateContextAsync();
        return (await context.Participations.SingleAsync(p => p.ChallengeId == _challengeId && p.Member.DiscordUserId == discordUserId)).ConsentToReports;
    }

    /// <summary>The connect page for a state, as the browser gets it, its entities decoded.</summary>
    private async Task<string> ConnectPageAsync(string state)
    {
        using var response = await _host.Client.GetAsync($"/strava/connect?state={Uri.EscapeDataString(state)}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Where the connect page's "Connect with Strava" button goes.</summary>
    private async Task<Uri> ConnectButtonAsync(string state) => ConnectPageHtml.ButtonTarget(await ConnectPageAsync(state))!;

    private async Task<string> HelpTextAsync()
    {
        // /help answers with embeds; read the whole edit body.
        await _host.Commands.PrivateAnswerAsync("help", user: 505, raw: true);
        return _host.Discord.RestRequests.Last(r => r.Method == "PATCH").Body;
    }
}
