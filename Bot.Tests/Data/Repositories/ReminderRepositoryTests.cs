using Bot.Data.Repositories;

namespace Bot.Tests.Data.Repositories;

[Category(TestCategories.Integration)]
public sealed class ReminderRepositoryTests
{
    private const long Guild = 7;
    private const long User = 301;

    [Test]
    public async Task SwitchOnAsync_Twice_KeepsOneRowWithTheLatestTime()
    {
        await using var database = await TempDatabase.CreateAsync();
        var reminders = database.Get<ReminderRepository>();

        await reminders.SwitchOnAsync(Guild, User, DayOfWeek.Sunday, 1080);
        await reminders.SwitchOnAsync(Guild, User, DayOfWeek.Monday, 425);

        var enabled = await reminders.ListEnabledAsync();
        Assert.That(enabled.Select(r => (r.GuildId, r.DiscordUserId, r.Day, r.MinuteOfDay)), Is.EqualTo(new[] { (Guild, User, DayOfWeek.Monday, 425) }));
    }

    [Test]
    public async Task SwitchOffAsync_ByTheMember_NotListedAndNoNotice()
    {
        await using var database = await TempDatabase.CreateAsync();
        var reminders = database.Get<ReminderRepository>();
        await reminders.SwitchOnAsync(Guild, User, DayOfWeek.Sunday, 1080);

        var first = await reminders.SwitchOffAsync(Guild, User);
        var second = await reminders.SwitchOffAsync(Guild, User);

        Assert.Multiple(async () =>
        {
            Assert.That((first, second), Is.EqualTo((true, false)), "only a reminder that is on is switched off");
            Assert.That(await reminders.ListEnabledAsync(), Is.Empty);
            Assert.That(await reminders.TakeNoticeAsync(Guild, User), Is.Null);
        });
    }

    [Test]
    public async Task TakeNoticeAsync_SwitchedOffByTheBot_GivesTheNoticeOnce()
    {
        await using var database = await TempDatabase.CreateAsync();
        var reminders = database.Get<ReminderRepository>();
        await reminders.SwitchOnAsync(Guild, User, DayOfWeek.Sunday, 1080);
        await reminders.SwitchOffAsync(Guild, User, "no DMs");

        var first = await reminders.TakeNoticeAsync(Guild, User);
        var second = await reminders.TakeNoticeAsync(Guild, User);

        Assert.That((first, second), Is.EqualTo(("no DMs", (string?)null)));
    }

    [Test]
    public async Task SwitchOnAsync_AfterTheBotSwitchedItOff_ClearsTheNotice()
    {
        await using var database = await TempDatabase.CreateAsync();
        var reminders = database.Get<ReminderRepository>();
        await reminders.SwitchOnAsync(Guild, User, DayOfWeek.Sunday, 1080);
        await reminders.SwitchOffAsync(Guild, User, "no DMs");

        await reminders.SwitchOnAsync(Guild, User, DayOfWeek.Sunday, 1080);

        Assert.That(await reminders.TakeNoticeAsync(Guild, User), Is.Null);
    }

    [Test]
    public async Task ListEnabledAsync_OtherServerOrMember_AreSeparateReminders()
    {
        await using var database = await TempDatabase.CreateAsync();
        var reminders = database.Get<ReminderRepository>();
        await reminders.SwitchOnAsync(Guild, User, DayOfWeek.Sunday, 1080);
        await reminders.SwitchOnAsync(Guild + 1, User, DayOfWeek.Friday, 600);
        await reminders.SwitchOnAsync(Guild, User + 1, DayOfWeek.Sunday, 1080);

        await reminders.SwitchOffAsync(Guild, User);

        Assert.That((await reminders.ListEnabledAsync()).Select(r => (r.GuildId, r.DiscordUserId)), Is.EquivalentTo(new[] { (Guild + 1, User), (Guild, User + 1) }));
    }
}
