using Bot.Tests.Strava.Fakes;

namespace Bot.Tests.Strava;

/// <summary>A fresh fake Strava and the real Strava services over a temporary SQLite file for each test.</summary>
public abstract class StravaHostFixture
{
    private protected FakeStravaServer FakeStrava { get; private set; } = null!;

    private protected StravaTestHost StravaHost { get; private set; } = null!;

    [SetUp]
    public async Task StartStravaAsync()
    {
        FakeStrava = await FakeStravaServer.StartAsync();
        StravaHost = await StravaTestHost.StartAsync(FakeStrava);
    }

    [TearDown]
    public async Task StopStravaAsync()
    {
        await StravaHost.DisposeAsync();
        await FakeStrava.DisposeAsync();
    }
}
