using Bot.Discord.Entities;
using Bot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord.Interactions;

/// <summary>Checks 11, 36 and 37: the watchdog, the 15-minute token and the monotonic 3 s budget, on a fake clock.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class InteractionTimingTests
{
    private const string Callback = "/interactions/\\d+/" + InteractionJson.Token + "/callback";

    [Test]
    public async Task EditResponseAsync_After15MinutesFromReceipt_FailsLocallyAndLogsError()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await InteractionTestHost.StartAsync(time);
        var gate = new TaskCompletionSource();
        var result = new TaskCompletionSource<DiscordResult>();
        host.Probe.Behaviour = async (_, ctx) =>
        {
            await gate.Task;
            result.SetResult(await ctx.EditResponseAsync(new DiscordWebhookBuilder().WithContent("late")));
        };

        host.PostInteraction(InteractionJson.Guild(1, "slow"));
        await host.Rest.WaitForRequestsAsync("POST", Callback, 1);
        time.Advance(TimeSpan.FromMinutes(15));
        gate.SetResult();
        var edit = await result.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(edit.Kind, Is.EqualTo(DiscordResultKind.InteractionExpired));
        Assert.That(host.Rest.RequestsTo("PATCH", ".*"), Is.Empty);
        Assert.That(host.LogsWithId(1402), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Post_SnowflakeTenMinutesInThePast_StillDeferredWithoutLateWarning()
    {
        await using var host = await InteractionTestHost.StartAsync();
        var id = InteractionJson.SnowflakeAt(DateTimeOffset.UtcNow.AddMinutes(-10), 1);

        host.PostInteraction(InteractionJson.Guild(id, "slow"));
        var callback = (await host.Rest.WaitForRequestsAsync("POST", Callback, 1)).Single();

        Assert.That(callback.Path, Is.EqualTo($"/interactions/{id}/{InteractionJson.Token}/callback"));
        Assert.That(callback.Body, Does.StartWith("""{"type":5"""));
        Assert.That(host.LogsWithId(1401), Is.Empty);
    }

    [Test]
    public async Task Post_HandlerRunsPastThreshold_WatchdogWarnsNamingTheHandler()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await InteractionTestHost.StartAsync(time, options: o => o.HandlerWarningThreshold = TimeSpan.FromSeconds(10));
        var gate = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        host.Probe.Behaviour = async (_, ctx) =>
        {
            started.SetResult();
            await gate.Task;
            await ctx.CreateResponseAsync("ok");
        };

        host.PostInteraction(InteractionJson.Guild(2, "quick"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(9));
        var before = host.LogsWithId(1300).Count;
        time.Advance(TimeSpan.FromSeconds(2));
        gate.SetResult();

        Assert.That(before, Is.Zero);
        Assert.That(host.LogsWithId(1300), Has.Count.EqualTo(1));
        Assert.That(host.LogsWithId(1300)[0].Message, Does.Contain("ProbeModule.QuickAsync").And.Contain("/quick"));
    }

    [Test]
    public async Task Post_AckedLaterThan3SecondsAfterReceipt_StillSentAndWarned()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await InteractionTestHost.StartAsync(time);
        var gate = new TaskCompletionSource();
        host.Probe.Behaviour = async (_, ctx) =>
        {
            await gate.Task;
            await ctx.CreateResponseAsync("late");
        };

        host.PostInteraction(InteractionJson.Guild(3, "quick"));
        await Task.Delay(100);
        time.Advance(TimeSpan.FromSeconds(4));
        gate.SetResult();
        await host.Rest.WaitForRequestsAsync("POST", Callback, 1);

        Assert.That(host.Rest.RequestsTo("POST", Callback), Has.Count.EqualTo(1));
        Assert.That(host.LogsWithId(1401), Has.Count.EqualTo(1));
    }
}
