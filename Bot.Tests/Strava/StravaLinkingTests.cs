using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Strava;
using Bot.Tests.Strava.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Strava;

/// <summary>strava-api.md §4 behaviours 3 (code exchange, client side) and 24 (/unlink), over IStravaLinking.</summary>
[Category(TestCategories.Unit)]
public sealed class StravaLinkingTests : StravaHostFixture
{
    [Test]
    public async Task CompleteLink_ExchangesTheCodeOnceStoresTokensAndScopesAndJoinsTheChallenge()
    {
        FakeStrava.AddAthlete(900, "Grace", "Hopper");
        var challenge = await StravaHost.AddChallengeAsync(100, DateTime.UtcNow.Year);
        var code = FakeStrava.IssueCode(900);

        var outcome = await Accounts.CompleteLinkAsync(31, 100, code, "read,activity:read_all", CancellationToken.None);

        await using var context = await StravaHost.CreateContextAsync();
        var member = await context.Members.SingleAsync();
        var participation = await context.Participations.SingleAsync();
        var post = FakeStrava.CallsTo("POST", "/oauth/token").Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(new LinkOutcome(true, "Grace Hopper", challenge.Id, null)));
            Assert.That(post.FormValue("grant_type"), Is.EqualTo("authorization_code"));
            Assert.That(post.FormValue("code"), Is.EqualTo(code));
            Assert.That(member.StravaAthleteId, Is.EqualTo(900));
            Assert.That(member.DiscordUserId, Is.EqualTo(31));
            Assert.That(member.AccessToken, Is.Not.Null.And.Not.Empty);
            Assert.That(member.RefreshToken, Is.Not.Null.And.Not.Empty);
            Assert.That(member.TokenExpiresAtUtc, Is.GreaterThan(DateTime.UtcNow.AddHours(5)));
            Assert.That(member.Scopes, Is.EqualTo("read,activity:read_all"));
            Assert.That(member.LinkState, Is.EqualTo(LinkState.Linked));
            Assert.That(participation.ChallengeId, Is.EqualTo(challenge.Id));
            Assert.That(participation.JokersLeft, Is.EqualTo(2), "jokers from the season's rules");
        });
        Assert.That(await StravaHost.Get<StravaSyncRepository>().ListBackfillDueAsync(), Is.EqualTo(new[] { member.Id }));
    }

    [Test]
    public async Task CompleteLink_StravaAnswers500_TheCodeIsPostedExactlyOnce()
    {
        FakeStrava.AddAthlete(900);
        FakeStrava.Script("POST", "/oauth/token", FakeStravaAnswer.ServerError);

        var outcome = await Accounts.CompleteLinkAsync(31, 100, FakeStrava.IssueCode(900), "read,activity:read_all", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Succeeded, Is.False);
            Assert.That(outcome.Problem, Does.Contain("try /strava_auth again"));
            Assert.That(FakeStrava.CallsTo("POST", "/oauth/token"), Has.Count.EqualTo(1));
            Assert.That(await CountMembersAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task CompleteLink_UsedCode_RefusedWithAClearProblemAndNothingStored()
    {
        FakeStrava.AddAthlete(900);
        var code = FakeStrava.IssueCode(900);
        await Accounts.CompleteLinkAsync(31, 100, code, "read,activity:read_all", CancellationToken.None);

        var again = await Accounts.CompleteLinkAsync(32, 100, code, "read,activity:read_all", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(again.Succeeded, Is.False);
            Assert.That(again.Problem, Does.Contain("used or has expired"));
            Assert.That(await CountMembersAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task CompleteLink_Relink_UpdatesTheSameMemberRowKeyedByAthleteId()
    {
        FakeStrava.AddAthlete(900);
        await Accounts.CompleteLinkAsync(31, 100, FakeStrava.IssueCode(900), "read", CancellationToken.None);
        await using (var context = await StravaHost.CreateContextAsync())
        {
            var member = await context.Members.SingleAsync();
            member.LinkState = LinkState.NeedsRelink;
            await context.SaveChangesAsync();
        }

        var outcome = await Accounts.CompleteLinkAsync(31, 100, FakeStrava.IssueCode(900), "read,activity:read_all", CancellationToken.None);

        await using var check = await StravaHost.CreateContextAsync();
        var members = await check.Members.ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Succeeded, Is.True);
            Assert.That(members, Has.Count.EqualTo(1));
            Assert.That(members[0].LinkState, Is.EqualTo(LinkState.Linked));
            Assert.That(members[0].Scopes, Is.EqualTo("read,activity:read_all"));
        });
    }

    [Test]
    public async Task CompleteLink_LegacyMemberWithThisAthleteId_GetsTheDiscordUser()
    {
        FakeStrava.AddAthlete(900);
        await using (var context = await StravaHost.CreateContextAsync())
        {
            context.Members.Add(new Member { StravaAthleteId = 900, FirstName = "Old", LastName = "Bot", LinkState = LinkState.Linked, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow });
            await context.SaveChangesAsync();
        }

        var outcome = await Accounts.CompleteLinkAsync(31, 100, FakeStrava.IssueCode(900), "read,activity:read_all", CancellationToken.None);

        await using var check = await StravaHost.CreateContextAsync();
        var member = await check.Members.SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Succeeded, Is.True);
            Assert.That(member.DiscordUserId, Is.EqualTo(31));
        });
    }

    [Test]
    public async Task CompleteLink_AthleteLinkedToAnotherDiscordUser_RefusedWithAClearProblem()
    {
        FakeStrava.AddAthlete(900);
        await Accounts.CompleteLinkAsync(31, 100, FakeStrava.IssueCode(900), "read", CancellationToken.None);

        var outcome = await Accounts.CompleteLinkAsync(32, 100, FakeStrava.IssueCode(900), "read", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Succeeded, Is.False);
            Assert.That(outcome.Problem, Does.Contain("another Discord user"));
        });
    }

    [Test]
    public async Task Unlink_DeauthorizesWithTheCurrentTokenThenDeletesTheMembersData()
    {
        var member = await StravaHost.AddLinkedMemberAsync(900, 31);
        FakeStrava.Athlete(900).Add(FakeActivity.Run(5, new DateTime(2026, 3, 3, 8, 0, 0)));
        await StravaHost.GetInternal<ActivitySync>().RecheckActivityAsync(member.Id, member.StravaAthleteId!.Value, 5);

        var outcome = await Accounts.UnlinkAsync(31, CancellationToken.None);

        var deauthorize = FakeStrava.CallsTo("POST", "/oauth/deauthorize").Single();
        await using var context = await StravaHost.CreateContextAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(outcome, Is.EqualTo(UnlinkOutcome.Unlinked));
            Assert.That(deauthorize.FormValue("access_token"), Is.EqualTo(member.AccessToken));
            Assert.That(FakeStrava.IsValidRefreshToken(member.RefreshToken!), Is.False, "Strava revoked the tokens");
            Assert.That(await context.Members.AnyAsync(), Is.False);
            Assert.That(await context.Activities.AnyAsync(), Is.False);
        });
    }

    [Test]
    public async Task Unlink_StravaAnswers401_LocalDeletionStillHappens()
    {
        await StravaHost.AddLinkedMemberAsync(900, 31);
        FakeStrava.Script("POST", "/oauth/deauthorize", FakeStravaAnswer.Unauthorized);

        var outcome = await Accounts.UnlinkAsync(31, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(outcome, Is.EqualTo(UnlinkOutcome.Unlinked));
            Assert.That(FakeStrava.CallsTo("POST", "/oauth/deauthorize"), Has.Count.EqualTo(1));
            Assert.That(await CountMembersAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task Unlink_NotLinked_SaysSoWithNoCall()
    {
        var outcome = await Accounts.UnlinkAsync(31, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(UnlinkOutcome.WasNotLinked));
            Assert.That(FakeStrava.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task RecordNarrowScope_NewUser_StoredAsInsufficientScopeWithoutACall_ThenALinkTurnsTheSameRowLinked()
    {
        await Accounts.RecordNarrowScopeAsync(44, "read", CancellationToken.None);
        await using (var context = await StravaHost.CreateContextAsync())
        {
            var marked = await context.Members.AsNoTracking().SingleAsync(m => m.DiscordUserId == 44);
            Assert.Multiple(() =>
            {
                Assert.That((marked.LinkState, marked.Scopes, marked.AccessToken, marked.StravaAthleteId), Is.EqualTo((LinkState.NarrowScope, "read", (string?)null, (long?)null)));
                Assert.That(FakeStrava.Calls, Is.Empty, "no call to Strava");
            });
        }

        FakeStrava.AddAthlete(4);
        var (access, refresh) = FakeStrava.IssueTokens(4);
        var linked = await StravaHost.Get<StravaLinkRepository>().LinkAsync(new StravaLinkRequest(
            44, 4, "Ada", "Lovelace", null, access, refresh, DateTime.UtcNow.AddHours(6), "read,activity:read_all"));

        await using var after = await StravaHost.CreateContextAsync();
        var member = await after.Members.AsNoTracking().SingleAsync(m => m.DiscordUserId == 44);
        Assert.That((member.Id, member.LinkState, member.StravaAthleteId), Is.EqualTo((linked.MemberId, LinkState.Linked, (long?)4)));
    }

    [Test]
    public async Task RecordNarrowScope_MemberWithAWorkingLink_LinkLeftAsItIs()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);

        await Accounts.RecordNarrowScopeAsync(11, "read", CancellationToken.None);

        var stored = await StravaHost.FindMemberAsync(member.Id);
        Assert.That((stored!.LinkState, stored.Scopes, stored.AccessToken), Is.EqualTo((LinkState.Linked, member.Scopes, member.AccessToken)));
    }

    private IStravaLinking Accounts => StravaHost.Get<IStravaLinking>();

    private async Task<int> CountMembersAsync()
    {
        await using var context = await StravaHost.CreateContextAsync();
        return await context.Members.CountAsync();
    }
}
