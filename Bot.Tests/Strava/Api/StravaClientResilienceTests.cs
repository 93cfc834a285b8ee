using Bot.Strava;
using Bot.Strava.Api;
using Bot.Tests.Strava.Fakes;

namespace Bot.Tests.Strava.Api;

/// <summary>StravaRetryHandler: transient failures retried for safe methods only, never a 4xx or a 429.</summary>
[Category(TestCategories.Unit)]
public sealed class StravaClientResilienceTests : StravaHostFixture
{
    [Test]
    public async Task GetActivity_TransientServerErrors_RetriedWithBackoffUntilSuccess()
    {
        var (access, _) = Seed();
        FakeStrava.Script("GET", "/api/v3/activities/5", FakeStravaAnswer.ServerError, new FakeStravaAnswer(503));

        var response = await Client.GetActivityAsync(access, 5);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(StravaStatus.Ok));
            Assert.That(FakeStrava.CallsTo("GET", "/api/v3/activities/5"), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task GetActivity_SlowAttempt_TimesOutAndIsRetried()
    {
        var (access, _) = Seed();
        FakeStrava.Script("GET", "/api/v3/activities/5", new FakeStravaAnswer(200, "{}", TimeSpan.FromSeconds(5)));

        var response = await Client.GetActivityAsync(access, 5);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(StravaStatus.Ok));
            Assert.That(FakeStrava.CallsTo("GET", "/api/v3/activities/5"), Has.Count.EqualTo(2));
        });
    }

    [TestCase(400)]
    [TestCase(403)]
    [TestCase(404)]
    [TestCase(429)]
    public async Task GetActivity_ClientErrorOr429_NotRetried(int status)
    {
        var (access, _) = Seed();
        FakeStrava.Script("GET", "/api/v3/activities/5", new FakeStravaAnswer(status, """{"message":"no"}"""), new FakeStravaAnswer(status, """{"message":"no"}"""));

        var response = await Client.GetActivityAsync(access, 5);

        Assert.Multiple(() =>
        {
            Assert.That(response.IsOk, Is.False);
            Assert.That(FakeStrava.CallsTo("GET", "/api/v3/activities/5"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Refresh_ServerError_PostNeverSentTwice()
    {
        var (_, refresh) = Seed();
        FakeStrava.Script("POST", "/oauth/token", FakeStravaAnswer.ServerError);

        var response = await Client.RefreshAsync(refresh);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(StravaStatus.Unavailable));
            Assert.That(FakeStrava.CallsTo("POST", "/oauth/token"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task GetActivity_Garbage_ClearProblemAndLogLine()
    {
        var (access, _) = Seed();
        FakeStrava.Script("GET", "/api/v3/activities/5", FakeStravaAnswer.Garbage);

        var response = await Client.GetActivityAsync(access, 5);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(StravaStatus.Garbage));
            Assert.That(response.Problem, Does.Contain("cannot read"));
            Assert.That(StravaHost.Logs.GetSnapshot().Count(r => r.Id.Id == 3003), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ListActivities_ReadUsageReachesTheLimitInLowerCaseHeaders_NextCallHeldBackWithoutReachingStrava()
    {
        var (access, _) = Seed();
        FakeStrava.HeaderName = name => name.ToLowerInvariant();
        FakeStrava.ReadUsage = (100 - RateLimitGovernor.SafetyMargin(100) - 1, 500);

        var first = await Client.ListActivitiesAsync(access, 0, 2_000_000_000, 1, 200);
        var second = await Client.ListActivitiesAsync(access, 0, 2_000_000_000, 1, 200);

        var state = StravaHost.Get<RateLimitGovernor>().State;
        Assert.Multiple(() =>
        {
            Assert.That(first.IsOk, Is.True);
            Assert.That(second.Status, Is.EqualTo(StravaStatus.RateLimited));
            Assert.That(second.RetryAt, Is.EqualTo(RateLimitGovernor.NextWindowStart(DateTimeOffset.UtcNow)).Within(TimeSpan.FromSeconds(5)));
            Assert.That(FakeStrava.CallsTo("GET", "/api/v3/athlete/activities"), Has.Count.EqualTo(1));
            Assert.That(state.IsOpen, Is.False);
            Assert.That(state.ReadRemaining15Min, Is.EqualTo(RateLimitGovernor.SafetyMargin(100)));
        });
    }

    private StravaClient Client => StravaHost.GetInternal<StravaClient>();

    private (string Access, string Refresh) Seed()
    {
        FakeStrava.AddAthlete(1).Add(FakeActivity.Run(5, new DateTime(2026, 3, 2, 8, 0, 0)));
        return FakeStrava.IssueTokens(1);
    }
}
