using Bot.Data.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Data.Repositories;

/// <summary>The webhook queue's intake: one waiting row per object and owner, and a cap on waiting rows.</summary>
[Category(TestCategories.Integration)]
public sealed class WebhookEventRepositoryTests
{
    [Test]
    public async Task EnqueueAsync_SameObjectWhileWaiting_OneRowCarryingTheLatestEvent()
    {
        await using var database = await TempDatabase.CreateAsync();
        var queue = database.Get<WebhookEventRepository>();

        var first = await queue.EnqueueAsync(Event(50, "create", owner: 1, time: 100), 10);
        var second = await queue.EnqueueAsync(Event(50, "update", owner: 1, time: 200, updates: """{"title":"x"}"""), 10);
        var third = await queue.EnqueueAsync(Event(50, "delete", owner: 1, time: 150), 10);

        await using var context = await database.CreateContextAsync();
        var row = await context.WebhookEvents.SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(WebhookEnqueueOutcome.Queued));
            Assert.That((second.Outcome, third.Outcome), Is.EqualTo((WebhookEnqueueOutcome.Coalesced, WebhookEnqueueOutcome.Coalesced)));
            Assert.That((second.Id, third.Id), Is.EqualTo((first.Id, first.Id)));
            Assert.That(row.AspectType, Is.EqualTo("delete"));
            Assert.That(row.EventTime, Is.EqualTo(200), "the newest event time is kept");
        });
    }

    [Test]
    public async Task EnqueueAsync_OtherObjectOwnerOrAfterProcessing_NewRows()
    {
        await using var database = await TempDatabase.CreateAsync();
        var queue = database.Get<WebhookEventRepository>();
        var processed = await queue.EnqueueAsync(Event(50, "create", owner: 1), 10);
        await queue.CompleteAsync(processed.Id, null);

        var again = await queue.EnqueueAsync(Event(50, "update", owner: 1), 10);
        var otherObject = await queue.EnqueueAsync(Event(51, "create", owner: 1), 10);
        var otherOwner = await queue.EnqueueAsync(Event(50, "create", owner: 2), 10);

        Assert.Multiple(async () =>
        {
            Assert.That(new[] { again.Outcome, otherObject.Outcome, otherOwner.Outcome }, Is.All.EqualTo(WebhookEnqueueOutcome.Queued));
            Assert.That(await queue.CountPendingAsync(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task EnqueueAsync_QueueAtItsCap_RefusedAndNothingStored()
    {
        await using var database = await TempDatabase.CreateAsync();
        var queue = database.Get<WebhookEventRepository>();
        for (var id = 1; id <= 3; id++)
        {
            await queue.EnqueueAsync(Event(id, "create", owner: 1), 3);
        }

        var refused = await queue.EnqueueAsync(Event(99, "create", owner: 1), 3);
        var coalesced = await queue.EnqueueAsync(Event(2, "update", owner: 1), 3);

        Assert.Multiple(async () =>
        {
            Assert.That(refused, Is.EqualTo(new WebhookEnqueueResult(0, WebhookEnqueueOutcome.QueueFull)));
            Assert.That(coalesced.Outcome, Is.EqualTo(WebhookEnqueueOutcome.Coalesced), "an event for a waiting row still lands: it adds no row");
            Assert.That(await queue.CountPendingAsync(), Is.EqualTo(3));
        });
    }

    private static WebhookEventInput Event(long objectId, string aspect, long owner, long time = 1, string? updates = null) =>
        new("activity", objectId, aspect, owner, 777, time, updates);
}
