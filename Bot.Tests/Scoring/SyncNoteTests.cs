using Bot.Commands;
using Bot.Data.Repositories;
using Bot.Strava;
using Bot.Texts;

namespace Bot.Tests.Scoring;

/// <summary>The ledger's note on how current the activity data is.</summary>
[Category(TestCategories.Unit)]
public sealed class SyncNoteTests
{
    private static readonly DateTime Oldest = new(2026, 11, 30, 8, 5, 0, DateTimeKind.Utc);
    private static readonly DateTime Newest = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void For_NobodyLinked_SaysSo() =>
        Assert.That(SyncNote.For(new ChallengeSyncStatus(0, 0, null, null), null), Is.EqualTo("activity data: nobody linked to Strava yet"));

    [Test]
    public void For_LinkedButNeverSynced_NotSyncedYet() =>
        Assert.That(SyncNote.For(new ChallengeSyncStatus(3, 3, null, null), null), Is.EqualTo("activity data: not synced yet"));

    [Test]
    public void For_AllSynced_OldestSyncIsTheAsOf() =>
        Assert.That(SyncNote.For(new ChallengeSyncStatus(3, 0, Oldest, Newest), null), Is.EqualTo("activity data as of 2026-11-30 08:05 UTC"));

    [Test]
    public void For_SomeNeverSynced_CountsThem() =>
        Assert.That(SyncNote.For(new ChallengeSyncStatus(3, 1, Oldest, Newest), null), Is.EqualTo("activity data as of 2026-11-30 08:05 UTC (1 member(s) not synced yet)"));

    [Test]
    public void For_GovernorClosed_SaysStravaIsPausedUntilTheWindow()
    {
        var closed = new GovernorState(false, new DateTimeOffset(2026, 12, 1, 9, 15, 0, TimeSpan.Zero), "429", 0, 10, 0, 10, null);

        Assert.That(SyncNote.For(new ChallengeSyncStatus(3, 0, Oldest, Newest), closed),
            Is.EqualTo("activity data as of 2026-11-30 08:05 UTC · Strava paused by its rate limit until 2026-12-01 09:15 UTC"));
    }

    [Test]
    public void For_GovernorOpen_NoPauseNote() =>
        Assert.That(SyncNote.For(new ChallengeSyncStatus(1, 0, Oldest, Oldest), new GovernorState(true, null, null, 90, 900, 90, 900, null)), Does.Not.Contain("paused"));

    [Test]
    public void For_GermanSomeNotSynced_SaysItInGerman() =>
        Assert.That(SyncNote.For(new ChallengeSyncStatus(3, 1, Oldest, Newest), null, Language.German),
            Is.EqualTo("Aktivitätsdaten vom 2026-11-30 08:05 UTC (1 Mitglied(er) noch nicht synchronisiert)"));
}
