using Bot.Data.Entities;
using Bot.Strava;
using Bot.Strava.Api;
using Bot.Tests.Strava.Fakes;

namespace Bot.Tests.Strava;

/// <summary>strava-api.md §4 behaviours 4–7: refresh timing and persistence, single flight, 401 handling, invalid refresh tokens.</summary>
[Category(TestCategories.Integration)]
public sealed class StravaTokenTests : StravaHostFixture
{
    [Test]
    public async Task GetAccessToken_ExpiresInMoreThan60Seconds_NoRefresh()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11, expiresAtUtc: DateTime.UtcNow.AddSeconds(90));

        var token = await StravaHost.GetInternal<StravaTokenService>().GetAccessTokenAsync(member.Id);

        Assert.Multiple(() =>
        {
            Assert.That(token.AccessToken, Is.EqualTo(member.AccessToken));
            Assert.That(FakeStrava.CallsTo("POST", "/oauth/token"), Is.Empty);
        });
    }

    [Test]
    public async Task GetAccessToken_ExpiresWithin60Seconds_RefreshesAndStoresAccessRefreshAndExpiryTogether()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11, expiresAtUtc: DateTime.UtcNow.AddSeconds(30));

        var token = await StravaHost.GetInternal<StravaTokenService>().GetAccessTokenAsync(member.Id);

        var stored = await StravaHost.FindMemberAsync(member.Id);
        var post = FakeStrava.CallsTo("POST", "/oauth/token").Single();
        Assert.Multiple(() =>
        {
            Assert.That(post.FormValue("grant_type"), Is.EqualTo("refresh_token"));
            Assert.That(post.FormValue("refresh_token"), Is.EqualTo(member.RefreshToken));
            Assert.That(token.AccessToken, Is.Not.EqualTo(member.AccessToken));
            Assert.That(stored!.AccessToken, Is.EqualTo(token.AccessToken));
            Assert.That(stored.RefreshToken, Is.Not.EqualTo(member.RefreshToken), "the rotated refresh token is stored");
            Assert.That(FakeStrava.IsValidRefreshToken(stored.RefreshToken!), Is.True);
            Assert.That(stored.TokenExpiresAtUtc, Is.GreaterThan(DateTime.UtcNow.AddHours(5)));
        });
    }

    [Test]
    public async Task Refresh_AfterRotationInvalidatedTheOldToken_NextRefreshUsesTheNewOneAndSucceeds()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11, expiresAtUtc: DateTime.UtcNow.AddSeconds(-5));
        var tokens = StravaHost.GetInternal<StravaTokenService>();
        var first = await tokens.GetAccessTokenAsync(member.Id);
        var afterFirst = await StravaHost.FindMemberAsync(member.Id);
        await ExpireStoredTokenAsync(member.Id);

        var second = await tokens.GetAccessTokenAsync(member.Id);

        var posts = FakeStrava.CallsTo("POST", "/oauth/token");
        Assert.Multiple(() =>
        {
            Assert.That(first.IsOk && second.IsOk, Is.True);
            Assert.That(FakeStrava.IsValidRefreshToken(member.RefreshToken!), Is.False, "the fake invalidated the old refresh token");
            Assert.That(posts, Has.Count.EqualTo(2));
            Assert.That(posts[1].FormValue("refresh_token"), Is.EqualTo(afterFirst!.RefreshToken));
        });
    }

    [Test]
    public async Task Refresh_CrashBetweenStravasReplyAndTheDbWrite_LeavesTheOldRowUntouched()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11, expiresAtUtc: DateTime.UtcNow.AddMinutes(-1));
        var before = await StravaHost.FindMemberAsync(member.Id);

        // The crash: the UPDATE of the member's tokens runs and then dies before its transaction commits.
        await ExecuteAsync("""
            CREATE TRIGGER crash_before_commit AFTER UPDATE ON members
            BEGIN SELECT RAISE(ABORT, 'simulated crash between the reply and the write'); END;
            """);
        Exception? crash = null;
        try
        {
            await StravaHost.GetInternal<StravaTokenService>().GetAccessTokenAsync(member.Id);
        }
        catch (Exception exception)
        {
            crash = exception;
        }

        var after = await StravaHost.FindMemberAsync(member.Id);
        await ExecuteAsync("DROP TRIGGER crash_before_commit;");
        var next = await StravaHost.GetInternal<StravaTokenService>().GetAccessTokenAsync(member.Id);

        Assert.Multiple(() =>
        {
            Assert.That(FakeStrava.CallsTo("POST", "/oauth/token"), Has.Count.EqualTo(2), "Strava answered the first refresh");
            Assert.That(crash, Is.Not.Null, "the write failed");
            Assert.That((after!.AccessToken, after.RefreshToken, after.TokenExpiresAtUtc, after.LinkState, after.UpdatedAtUtc),
                Is.EqualTo((before!.AccessToken, before.RefreshToken, before.TokenExpiresAtUtc, before.LinkState, before.UpdatedAtUtc)),
                "no part of the rotated tokens was stored");

            // Strava rotated the refresh token and dropped the old one, so the member must link again: told once, no loop.
            Assert.That(next.Status, Is.EqualTo(StravaStatus.NeedsRelink));
            Assert.That(StravaHost.Notifier.Sent, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Refresh_MemberRelinkedWhileTheRefreshWasInFlight_TheNewLinkIsNotOverwritten()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11, expiresAtUtc: DateTime.UtcNow.AddMinutes(-1));
        FakeStrava.Latency["/oauth/token"] = TimeSpan.FromMilliseconds(500);
        var refresh = StravaHost.GetInternal<StravaTokenService>().GetAccessTokenAsync(member.Id);
        await Bot.Tests.Discord.Gateway.Eventually.ThatAsync(() => FakeStrava.CallsTo("POST", "/oauth/token").Count == 1, "the refresh is in flight");
        var (access, refreshToken) = FakeStrava.IssueTokens(1);
        await using (var context = await StravaHost.CreateContextAsync())
        {
            var row = context.Members.Single(m => m.Id == member.Id);
            row.AccessToken = access;
            row.RefreshToken = refreshToken;
            row.TokenExpiresAtUtc = DateTime.UtcNow.AddHours(6);
            await context.SaveChangesAsync();
        }

        var result = await refresh;

        var stored = await StravaHost.FindMemberAsync(member.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored!.AccessToken, Is.EqualTo(access));
            Assert.That(stored.RefreshToken, Is.EqualTo(refreshToken));
            Assert.That(result.AccessToken, Is.EqualTo(access), "what is stored wins");
        });
    }

    [Test]
    public async Task GetAccessToken_TenConcurrentJobsWithExpiredToken_OneRefreshPost()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11, expiresAtUtc: DateTime.UtcNow.AddMinutes(-1));
        FakeStrava.Latency["/oauth/token"] = TimeSpan.FromMilliseconds(200);
        var tokens = StravaHost.GetInternal<StravaTokenService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => tokens.GetAccessTokenAsync(member.Id))));

        Assert.Multiple(() =>
        {
            Assert.That(FakeStrava.CallsTo("POST", "/oauth/token"), Has.Count.EqualTo(1));
            Assert.That(results.Select(r => r.AccessToken).Distinct().Count(), Is.EqualTo(1));
            Assert.That(results.All(r => r.IsOk), Is.True);
        });
    }

    [Test]
    public async Task ApiCall_401Once_OneForcedRefreshAndOneRetry()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        FakeStrava.Athlete(1).Add(FakeActivity.Run(5, new DateTime(2026, 3, 2, 8, 0, 0)));
        FakeStrava.RevokeAccessToken(member.AccessToken!);

        var response = await FetchAsync(member.Id, 5);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(StravaStatus.Ok));
            Assert.That(FakeStrava.CallsTo("POST", "/oauth/token"), Has.Count.EqualTo(1));
            Assert.That(FakeStrava.CallsTo("GET", "/api/v3/activities/5"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task ApiCall_401Twice_NeedsRelinkAndOneNotificationWithNoLoop()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        FakeStrava.Script("GET", "/api/v3/activities/5", FakeStravaAnswer.Unauthorized, FakeStravaAnswer.Unauthorized, FakeStravaAnswer.Unauthorized);

        var first = await FetchAsync(member.Id, 5);
        var second = await FetchAsync(member.Id, 5);

        var stored = await StravaHost.FindMemberAsync(member.Id);
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(StravaStatus.NeedsRelink));
            Assert.That(second.Status, Is.EqualTo(StravaStatus.NeedsRelink));
            Assert.That(stored!.LinkState, Is.EqualTo(LinkState.NeedsRelink));
            Assert.That(FakeStrava.CallsTo("GET", "/api/v3/activities/5"), Has.Count.EqualTo(2), "one call, one retry, then nothing");
            Assert.That(FakeStrava.CallsTo("POST", "/oauth/token"), Has.Count.EqualTo(1));
            Assert.That(StravaHost.Notifier.Sent, Has.Count.EqualTo(1));
            Assert.That(StravaHost.Notifier.Sent[0].DiscordUserId, Is.EqualTo(11));
        });
    }

    [Test]
    public async Task Refresh_InvalidRefreshToken_NeedsRelinkAndToldOnce()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11, expiresAtUtc: DateTime.UtcNow.AddMinutes(-1));
        FakeStrava.RevokeAllTokens(1);
        var tokens = StravaHost.GetInternal<StravaTokenService>();

        var first = await tokens.GetAccessTokenAsync(member.Id);
        var second = await tokens.GetAccessTokenAsync(member.Id);

        var stored = await StravaHost.FindMemberAsync(member.Id);
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(StravaStatus.NeedsRelink));
            Assert.That(second.Status, Is.EqualTo(StravaStatus.NeedsRelink));
            Assert.That(stored!.LinkState, Is.EqualTo(LinkState.NeedsRelink));
            Assert.That(FakeStrava.CallsTo("POST", "/oauth/token"), Has.Count.EqualTo(1), "a member needing a relink costs no more calls");
            Assert.That(StravaHost.Notifier.Sent, Has.Count.EqualTo(1));
            Assert.That(StravaHost.Notifier.Sent[0].Message, Does.Contain("/strava_auth"));
        });
    }

    [Test]
    public async Task Refresh_GarbageAnswer_ClearProblemAndStoredTokensUntouched()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11, expiresAtUtc: DateTime.UtcNow.AddMinutes(-1));
        FakeStrava.Script("POST", "/oauth/token", FakeStravaAnswer.Garbage);

        var result = await StravaHost.GetInternal<StravaTokenService>().GetAccessTokenAsync(member.Id);

        var stored = await StravaHost.FindMemberAsync(member.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(StravaStatus.Garbage));
            Assert.That(result.Problem, Does.Contain("cannot read"));
            Assert.That(stored!.RefreshToken, Is.EqualTo(member.RefreshToken));
            Assert.That(stored.LinkState, Is.EqualTo(LinkState.Linked));
            Assert.That(StravaHost.Logs.GetSnapshot().Any(r => r.Message.Contains("cannot read", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task Logs_AfterRefreshAndCalls_NeverContainATokenOrTheSecret()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11, expiresAtUtc: DateTime.UtcNow.AddMinutes(-1));
        FakeStrava.Script("GET", "/api/v3/activities/9", FakeStravaAnswer.ServerError, FakeStravaAnswer.Unauthorized);

        await FetchAsync(member.Id, 9);

        var stored = await StravaHost.FindMemberAsync(member.Id);
        var text = string.Join("\n", StravaHost.Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(member.AccessToken!));
            Assert.That(text, Does.Not.Contain(member.RefreshToken!));
            Assert.That(text, Does.Not.Contain(stored!.AccessToken!));
            Assert.That(text, Does.Not.Contain(FakeStravaServer.ClientSecret));
        });
    }

    private Task<StravaResponse<StravaActivity>> FetchAsync(long memberId, long activityId)
    {
        var client = StravaHost.GetInternal<StravaClient>();
        return StravaHost.GetInternal<StravaMemberApi>().CallAsync(memberId, (token, ct) => client.GetActivityAsync(token, activityId, ct));
    }

    private async Task ExpireStoredTokenAsync(long memberId)
    {
        await using var context = await StravaHost.CreateContextAsync();
        var member = context.Members.Single(m => m.Id == memberId);
        member.TokenExpiresAtUtc = DateTime.UtcNow.AddSeconds(-1);
        await context.SaveChangesAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(StravaHost.Directory, "challenge.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
