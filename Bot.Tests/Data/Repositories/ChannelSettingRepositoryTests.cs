using Bot.Data.Repositories;

namespace Bot.Tests.Data.Repositories;

[Category(TestCategories.Integration)]
public sealed class ChannelSettingRepositoryTests
{
    private const long Guild = 7;
    private static readonly DateTime Monday = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task SetAsync_FirstTimeWithoutTime_DefaultTimeAndStartsNow()
    {
        await using var database = await TempDatabase.CreateAsync();
        var settings = database.Get<ChannelSettingRepository>();

        await settings.SetAsync(Guild, 50, minuteOfDay: null, milestonesOn: null, Monday);
        var saved = await settings.GetAsync(Guild);

        Assert.That((saved?.ChannelId, saved?.RecapMinuteOfDay, saved?.MilestonesOn, saved?.SetAtUtc),
            Is.EqualTo(((long?)50, (int?)ChannelSettingRepository.DefaultRecapMinuteOfDay, (bool?)false, (DateTime?)Monday)));
    }

    [Test]
    public async Task SetAsync_AgainWithOnlyANewTime_KeepsChannelStartAndMilestones()
    {
        await using var database = await TempDatabase.CreateAsync();
        var settings = database.Get<ChannelSettingRepository>();
        await settings.SetAsync(Guild, 50, 8 * 60, milestonesOn: true, Monday);

        await settings.SetAsync(Guild, 51, 18 * 60, milestonesOn: null, Monday.AddDays(2));
        var saved = await settings.GetAsync(Guild);

        Assert.That((saved?.ChannelId, saved?.RecapMinuteOfDay, saved?.MilestonesOn, saved?.SetAtUtc, saved?.MilestonesSinceUtc),
            Is.EqualTo(((long?)51, (int?)(18 * 60), (bool?)true, (DateTime?)Monday, (DateTime?)Monday)));
    }

    [Test]
    public async Task OffAsync_ThenSetAgain_OutcomeKeptAndStartMovesToTheNewSet()
    {
        await using var database = await TempDatabase.CreateAsync();
        var settings = database.Get<ChannelSettingRepository>();
        await settings.SetAsync(Guild, 50, null, null, Monday);
        await settings.RecordOutcomeAsync(Guild, "Recap of week 49 posted.", Monday);

        var stopped = await settings.OffAsync(Guild, Monday.AddDays(1));
        var stoppedAgain = await settings.OffAsync(Guild, Monday.AddDays(1));
        var off = await settings.GetAsync(Guild);
        var active = await settings.ListActiveAsync();
        await settings.SetAsync(Guild, 50, null, null, Monday.AddDays(3));
        var on = await settings.GetAsync(Guild);

        Assert.That((stopped, stoppedAgain, off?.ChannelId, off?.LastPostOutcome, active.Count, on?.SetAtUtc),
            Is.EqualTo((true, false, (long?)null, "Recap of week 49 posted.", 0, (DateTime?)Monday.AddDays(3))));
    }
}
