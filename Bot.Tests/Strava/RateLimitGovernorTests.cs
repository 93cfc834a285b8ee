using System.Net;
using Bot.Strava;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Strava;

[Category(TestCategories.Unit)]
public sealed class RateLimitGovernorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 10, 7, 0, TimeSpan.Zero);

    [Test]
    public void Observe_BothHeaderPairsInAnyLetterCase_AreParsed()
    {
        var time = new FakeTimeProvider(Start);
        var governor = new RateLimitGovernor(time, NullLogger<RateLimitGovernor>.Instance);

        governor.Observe(HttpStatusCode.OK, Headers(("x-ratelimit-limit", "600,6000"), ("X-RATELIMIT-USAGE", "10,100"), ("X-Readratelimit-Limit", "300,3000"), ("x-readratelimit-usage", "7,70")));

        var state = governor.State;
        Assert.Multiple(() =>
        {
            Assert.That(state.IsOpen, Is.True);
            Assert.That(state.Remaining15Min, Is.EqualTo(590));
            Assert.That(state.RemainingDaily, Is.EqualTo(5900));
            Assert.That(state.ReadRemaining15Min, Is.EqualTo(293));
            Assert.That(state.ReadRemainingDaily, Is.EqualTo(2930));
        });
    }

    [Test]
    public void TryAcquire_ReadUsageAtLimitMinusMargin_ClosedUntilNextQuarterHourThenOpensByItself()
    {
        var time = new FakeTimeProvider(Start);
        var governor = new RateLimitGovernor(time, NullLogger<RateLimitGovernor>.Instance);
        var margin = RateLimitGovernor.SafetyMargin(100);
        governor.Observe(HttpStatusCode.OK, Headers(("X-ReadRateLimit-Limit", "100,1000"), ("X-ReadRateLimit-Usage", $"{100 - margin},{100 - margin}")));

        var closedUntil = governor.TryAcquire();
        time.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(59));
        var stillClosed = governor.TryAcquire();
        time.Advance(TimeSpan.FromSeconds(1));
        var reopened = governor.TryAcquire();

        Assert.Multiple(() =>
        {
            Assert.That(closedUntil, Is.EqualTo(new DateTimeOffset(2026, 3, 10, 10, 15, 0, TimeSpan.Zero)));
            Assert.That(stillClosed, Is.Not.Null);
            Assert.That(reopened, Is.Null, "the next window opens on its own");
        });
    }

    [Test]
    public void TryAcquire_OwnCallsBetweenAnswers_CountedSoConcurrentWorkCannotOvershoot()
    {
        var time = new FakeTimeProvider(Start);
        var governor = new RateLimitGovernor(time, NullLogger<RateLimitGovernor>.Instance);
        governor.Observe(HttpStatusCode.OK, Headers(("X-ReadRateLimit-Limit", "20,1000"), ("X-ReadRateLimit-Usage", "0,0")));

        var granted = Enumerable.Range(0, 50).Count(_ => governor.TryAcquire() is null);

        Assert.That(granted, Is.EqualTo(20 - RateLimitGovernor.SafetyMargin(20)));
    }

    [Test]
    public void TryAcquire_DailyLimitReached_ClosedUntilMidnightUtc()
    {
        var time = new FakeTimeProvider(Start);
        var governor = new RateLimitGovernor(time, NullLogger<RateLimitGovernor>.Instance);
        governor.Observe(HttpStatusCode.OK, Headers(("X-RateLimit-Limit", "200,2000"), ("X-RateLimit-Usage", "3,1999")));

        var closedUntil = governor.TryAcquire();
        time.Advance(TimeSpan.FromHours(13));
        var afterQuarterHoursButBeforeMidnight = governor.TryAcquire();
        time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero));
        var afterMidnight = governor.TryAcquire();

        Assert.Multiple(() =>
        {
            Assert.That(closedUntil, Is.EqualTo(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(afterQuarterHoursButBeforeMidnight, Is.Not.Null);
            Assert.That(governor.State.IsOpen, Is.True);
            Assert.That(afterMidnight, Is.Null);
        });
    }

    [Test]
    public void Observe_429_ClosesUntilNextQuarterHourEvenWithUsageLeft()
    {
        var time = new FakeTimeProvider(Start);
        var governor = new RateLimitGovernor(time, NullLogger<RateLimitGovernor>.Instance);

        governor.Observe(HttpStatusCode.TooManyRequests, Headers(("X-RateLimit-Limit", "200,2000"), ("X-RateLimit-Usage", "5,5")));

        Assert.Multiple(() =>
        {
            Assert.That(governor.State.IsOpen, Is.False);
            Assert.That(governor.State.ClosedUntil, Is.EqualTo(new DateTimeOffset(2026, 3, 10, 10, 15, 0, TimeSpan.Zero)));
            Assert.That(governor.TryAcquire(), Is.Not.Null);
        });
    }

    [Test]
    public void Observe_429WithDailyUsageSpent_ClosesUntilMidnight()
    {
        var time = new FakeTimeProvider(Start);
        var governor = new RateLimitGovernor(time, NullLogger<RateLimitGovernor>.Instance);

        governor.Observe(HttpStatusCode.TooManyRequests, Headers(("X-ReadRateLimit-Limit", "100,1000"), ("X-ReadRateLimit-Usage", "100,1000")));

        Assert.That(governor.State.ClosedUntil, Is.EqualTo(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void State_BeforeAnyAnswer_AssumesDocumentedDefaultsAndReportsNoRemaining()
    {
        var governor = new RateLimitGovernor(new FakeTimeProvider(Start), NullLogger<RateLimitGovernor>.Instance);

        var granted = Enumerable.Range(0, 200).Count(_ => governor.TryAcquire() is null);

        Assert.Multiple(() =>
        {
            Assert.That(granted, Is.EqualTo(100 - RateLimitGovernor.SafetyMargin(100)), "the read default is 100 per 15 minutes");
            Assert.That(governor.State.ReadRemaining15Min, Is.Null);
        });
    }

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response.Headers;
    }
}
