using Bot.Data.Entities;
using Bot.Data.Repositories;

namespace Bot.Tests.Data.Repositories;

[Category(TestCategories.Integration)]
public sealed class PostRecordRepositoryTests
{
    private static readonly PostKey Recap = new(GuildId: 7, PostKinds.Recap, SeasonYear: 2026, Week: 49);

    [Test]
    public async Task TryClaimAsync_SameKeyTwice_OnlyTheFirstClaims()
    {
        await using var database = await TempDatabase.CreateAsync();
        var posts = database.Get<PostRecordRepository>();

        var first = await posts.TryClaimAsync(Recap);
        var second = await posts.TryClaimAsync(Recap);

        Assert.That((first, second), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task TryClaimAsync_TwentyConcurrentClaims_ExactlyOneWins()
    {
        await using var database = await TempDatabase.CreateAsync();
        var posts = database.Get<PostRecordRepository>();

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => posts.TryClaimAsync(Recap))));

        Assert.That(claims.Count(c => c), Is.EqualTo(1));
    }

    [Test]
    public async Task TryClaimAsync_OtherWeekKindOrMember_ClaimsSeparately()
    {
        await using var database = await TempDatabase.CreateAsync();
        var posts = database.Get<PostRecordRepository>();
        await posts.TryClaimAsync(Recap);

        var claims = new[]
        {
            await posts.TryClaimAsync(Recap with { Week = 50 }),
            await posts.TryClaimAsync(Recap with { Kind = PostKinds.SeasonClose }),
            await posts.TryClaimAsync(Recap with { Kind = PostKinds.Reminder, DiscordUserId = 11 }),
            await posts.TryClaimAsync(Recap with { GuildId = 8 }),
        };

        Assert.That(claims, Is.All.True);
    }

    [Test]
    public async Task RecordOutcomeAsync_Sent_KeepsTheOutcomeAndTheTime()
    {
        await using var database = await TempDatabase.CreateAsync();
        var posts = database.Get<PostRecordRepository>();
        await posts.TryClaimAsync(Recap);

        await posts.RecordOutcomeAsync(Recap, sent: true, "posted in #sport");

        var record = await posts.FindAsync(Recap);
        Assert.That(record!.Outcome, Is.EqualTo("posted in #sport"));
        Assert.That(record.SentAtUtc, Is.Not.Null);
    }
}
