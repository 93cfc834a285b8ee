using Bot.Data.Repositories;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Commands;

/// <summary>/remind on|off in the real host (in-process) through the fake Discord: private answers, one row per member and server.</summary>
[Category(TestCategories.Integration)]
public sealed class RemindCommandsTests
{
    private const long Anna = WebSeed.AnnaDiscordId;
    private InProcessBot _host = null!;
    private ReminderRepository _reminders = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_host, _) = await WebSeed.StartBotAsync();
        _reminders = _host.Services.GetRequiredService<ReminderRepository>();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [SetUp]
    public async Task ClearAsync() => await _reminders.SwitchOffAsync(InProcessBot.Guild, Anna);

    [Test]
    public async Task RemindOn_NoOptions_SundayAt1800Saved()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("remind", Anna, On());

        var saved = await _reminders.GetAsync(InProcessBot.Guild, Anna);
        Assert.Multiple(() =>
        {
            Assert.That(answer, Does.StartWith("Reminder on: every Sunday at 18:00 (UTC)"));
            Assert.That((saved?.Day, saved?.MinuteOfDay, saved?.Enabled), Is.EqualTo(((DayOfWeek?)DayOfWeek.Sunday, (int?)1080, (bool?)true)));
        });
    }

    [Test]
    public async Task RemindOn_DayAndTime_BothSaved()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("remind", Anna, On("""{"name":"day","type":3,"value":"Friday"},{"name":"time","type":3,"value":"7:30"}"""));

        var saved = await _reminders.GetAsync(InProcessBot.Guild, Anna);
        Assert.Multiple(() =>
        {
            Assert.That(answer, Does.StartWith("Reminder on: every Friday at 07:30 (UTC)"));
            Assert.That((saved?.Day, saved?.MinuteOfDay), Is.EqualTo(((DayOfWeek?)DayOfWeek.Friday, (int?)450)));
        });
    }

    [Test]
    public async Task RemindOn_BadTime_OneLineAndNothingSaved()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("remind", Anna, On("""{"name":"time","type":3,"value":"25:00"}"""));

        Assert.Multiple(async () =>
        {
            Assert.That(answer, Is.EqualTo("`25:00` is not a time: give it as HH:MM, e.g. 18:00. Nothing changed."));
            Assert.That((await _reminders.GetAsync(InProcessBot.Guild, Anna))?.Enabled, Is.Not.True);
        });
    }

    [Test]
    public async Task RemindOn_DayNotAChoice_NamedAndNothingSaved()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("remind", Anna, On("""{"name":"day","type":3,"value":"Someday"}"""));

        Assert.Multiple(async () =>
        {
            Assert.That(answer, Does.Contain("`day` must be one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday."));
            Assert.That((await _reminders.GetAsync(InProcessBot.Guild, Anna))?.Enabled, Is.Not.True);
        });
    }

    [Test]
    public async Task RemindOn_NotInTheSeason_ToldToLinkAndNothingSaved()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("remind", 999, On());

        Assert.Multiple(async () =>
        {
            Assert.That(answer, Does.Contain("/strava_auth"));
            Assert.That(await _reminders.GetAsync(InProcessBot.Guild, 999), Is.Null);
        });
    }

    [Test]
    public async Task RemindOff_AfterOn_SwitchedOffAndSaidOnce()
    {
        await _host.Commands.PrivateAnswerAsync("remind", Anna, On());

        var first = await _host.Commands.PrivateAnswerAsync("remind", Anna, """[{"name":"off","type":1}]""");
        var second = await _host.Commands.PrivateAnswerAsync("remind", Anna, """[{"name":"off","type":1}]""");

        Assert.Multiple(async () =>
        {
            Assert.That(first, Is.EqualTo("Reminder off: you get no more reminders from this server."));
            Assert.That(second, Is.EqualTo("You have no reminder on here. Nothing changed."));
            Assert.That((await _reminders.GetAsync(InProcessBot.Guild, Anna))?.Enabled, Is.False);
        });
    }

    private static string On(string options = "") => $$"""[{"name":"on","type":1,"options":[{{options}}]}]""";
}
