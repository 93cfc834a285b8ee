using Bot.Tests.Strava.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Strava;

/// <summary>
/// A fresh fake Strava and the real Strava services over a temporary SQLite file for each test; both on a clock pinned
/// at <see cref="PinnedNow"/> when a fixture sets it (<see cref="Time"/>), else on the system clock.
/// </summary>
public abstract class StravaHostFixture
{
    private protected FakeStravaServer FakeStrava { get; private set; } = null!;

    private protected StravaTestHost StravaHost { get; private set; } = null!;

    private protected FakeTimeProvider Time { get; private set; } = null!;

    private protected virtual DateTimeOffset? PinnedNow => null;

    [SetUp]
    public async Task StartStravaAsync()
    {
        Time = new FakeTimeProvider(PinnedNow ?? DateTimeOffset.UtcNow);
        FakeStrava = await FakeStravaServer.StartAsync(PinnedNow is null ? null : Time);
        StravaHost = await StravaTestHost.StartAsync(FakeStrava, PinnedNow is null ? null : Time);
    }

    [TearDown]
    public async Task StopStravaAsync()
    {
        await StravaHost.DisposeAsync();
        await FakeStrava.DisposeAsync();
    }
}
