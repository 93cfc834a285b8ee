using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Bot.Data.Repositories;
using Bot.Standings;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Strava;
using Bot.Tests.Strava.Fakes;
using Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Hosting;

/// <summary>
/// kill -9 of the real bot process, again and again, at random moments while it back-fills a member imported
/// from the old bot (a few hundred activities, listed slowly page by page) and while it works through the
/// webhook queue (creates, updates, title changes and deletes, posted to its real <c>POST /strava/webhook/&lt;secret&gt;</c>).
/// After every kill the file passes <c>PRAGMA integrity_check</c>, every event the bot acknowledged is still
/// queued or done, and nothing is stored that Strava never had; a last run, left alone, ends with exactly
/// what the fake Strava holds (each activity once, with its latest name and duration) and the whole queue processed.
/// </summary>
/// <remarks>
/// Two fixtures, one per phase, each with its own file and fakes, so the two run side by side: the kills during
/// the back-fill, and the kills with the webhook queue at work (its back-fill, faster, may finish or be cut too).
/// </remarks>
[Category(TestCategories.Process)]
[TestFixture(KillPhase.Backfill)]
[TestFixture(KillPhase.Queue)]
public sealed class CrashSafetyTests(CrashSafetyTests.KillPhase phase)
{
    private const long AthleteId = 7001;
    // 7 kills per phase: each phase needs 5 that land where it aims.
    private const int Runs = 7;
    private const int OldActivities = 450;
    private const int RecentActivities = 80;
    private const string ListPath = "/api/v3/athlete/activities";
    private const string FetchPath = @"/api/v3/activities/\d+";
    private const string WebhookPath = "/strava/webhook/crash-test-webhook-secret-0123456789abcdef";

    /// <summary>Where the kills of a fixture aim.</summary>
    public enum KillPhase
    {
        Backfill,
        Queue,
    }

    [Test]
    [CancelAfter(420_000)]
    public async Task KillNine_MidBackfillOrMidWebhookQueue_DatabaseWholeNothingLostOrDuplicatedAndQueueResumes()
    {
        var total = Stopwatch.StartNew();
        await using var rig = await Rig.CreateAsync();
        var random = new Random(phase == KillPhase.Backfill ? 6_006 : 6_007);
        var kills = new Kills();
        rig.Strava.Latency[FetchPath] = TimeSpan.FromMilliseconds(120);

        for (var run = 0; run < Runs; run++)
        {
            await KillOnceAsync(rig, run, phase == KillPhase.Backfill, random, kills);
        }

        var (last, settled) = await RunUndisturbedAsync(rig);
        var expected = rig.Plan.Expected();
        TestContext.Out.WriteLine(
            $"{Runs} kills ({phase}): {kills.MidBackfill} mid-back-fill, {kills.MidQueue} mid-queue, {kills.LeftQueued} events left queued by kills; " +
            $"{rig.Plan.DeliveredCount} events acknowledged ({rig.Plan.Redeliveries} cut off by a kill and sent again); last run settled in {settled.TotalSeconds:F1} s; " +
            $"total {total.Elapsed.TotalSeconds:F0} s; {expected.Count} activities held by Strava");
        Assert.Multiple(() =>
        {
            AssertSettled(last, rig.Plan, expected);
            if (phase == KillPhase.Backfill)
            {
                Assert.That(kills.MidBackfill, Is.GreaterThanOrEqualTo(5), "kills that landed during the back-fill");
            }
            else
            {
                Assert.That(kills.MidQueue, Is.GreaterThanOrEqualTo(5), "kills that landed with webhook work queued");
                Assert.That(kills.LeftQueued, Is.Positive, "kills left queued events for the next run to resume");
            }
        });
    }

    /// <summary>
    /// One run: the bot started, events posted to its webhook, kill -9 at a random moment (during the back-fill in the
    /// back-fill phase, with the queue at work in the queue phase), then the file checked.
    /// </summary>
    private static async Task KillOnceAsync(Rig rig, int run, bool backfillPhase, Random random, Kills kills)
    {
        // Three pages of 200: slow enough in the back-fill phase that every kill lands before the back-fill is written.
        rig.Strava.Latency[ListPath] = TimeSpan.FromMilliseconds(backfillPhase ? 400 : 120);
        // In the queue phase each run brings more events than it can finish in the time before the kill, so the kill
        // lands with work queued (the phase starts with an empty queue, nothing left over from a back-fill phase).
        var killAfter = TimeSpan.FromMilliseconds(backfillPhase ? random.Next(150, 1100) : random.Next(150, 1200));
        var events = rig.Plan.NextEvents(backfillPhase ? random.Next(4, 9) : random.Next(8, 14));
        var before = Snapshot.Read(rig.Database, rig.MemberId);
        var callsBefore = rig.Strava.Calls.Count;

        await using (var bot = rig.StartBot())
        {
            await Eventually.ThatAsync(
                () => bot.Process.HasExited || rig.Strava.Calls.Skip(callsBefore).Any(c => c.Path == ListPath),
                $"run {run}: the first activity list call", TimeSpan.FromSeconds(90));
            Assert.That(bot.Process.HasExited, Is.False, $"run {run}: the bot exited: {(bot.Process.HasExited ? await bot.LogAsync() : "")}");

            using var stop = new CancellationTokenSource();
            var acknowledged = rig.Plan.DeliveredCount;
            var delivering = DeliverAsync(rig.Http, events, rig.Plan, random.Next(), stop.Token);
            if (!backfillPhase)
            {
                // On a busy machine the web endpoint may come up seconds after the first list call: the random
                // moment counts from the first event the bot took in, so the kill still lands with the queue at work.
                await Eventually.ThatAsync(() => bot.Process.HasExited || rig.Plan.DeliveredCount > acknowledged, $"run {run}: an event acknowledged", TimeSpan.FromSeconds(90));
            }

            await Task.Delay(killAfter);
            bot.Process.Kill();
            await bot.Process.WaitForExitAsync();
            await stop.CancelAsync();
            await delivering;
        }

        SqliteConnection.ClearAllPools();
        var after = Snapshot.Read(rig.Database, rig.MemberId);
        var calls = rig.Strava.Calls.Skip(callsBefore).ToList();
        var midBackfill = !after.BackfillDone && calls.Any(c => c.Path == ListPath);
        var midQueue = after.Pending > 0 && (after.Processed > before.Processed || calls.Any(c => c.Path.StartsWith("/api/v3/activities/", StringComparison.Ordinal)));
        kills.Count(midBackfill, midQueue, after.Pending);
        TestContext.Out.WriteLine(
            $"run {run,2}: killed {killAfter.TotalMilliseconds,4:F0} ms after {(backfillPhase ? "the first list call" : "the first acknowledged event")}; back-fill {(after.BackfillDone ? "done" : "not done")}, " +
            $"{after.Activities.Count} activities, events {after.Processed} processed / {after.Pending} queued, {calls.Count} Strava calls" +
            (midBackfill ? " [mid-back-fill]" : "") + (midQueue ? " [mid-queue]" : ""));
        AssertWholeAfterKill(rig, run, before, after, calls.First(c => c.Path == ListPath));
    }

    /// <summary>What must hold after every kill: the file whole, nothing invented, nothing acknowledged lost, the interrupted back-fill resumed first.</summary>
    private static void AssertWholeAfterKill(Rig rig, int run, Snapshot before, Snapshot after, FakeStravaCall firstList) => Assert.Multiple(() =>
    {
        Assert.That(after.Integrity, Is.EqualTo("ok"), $"run {run}: integrity_check");
        Assert.That(after.ForeignKeyProblems, Is.Zero, $"run {run}: foreign_key_check");
        Assert.That(after.DuplicateIds, Is.Zero, $"run {run}: an activity stored twice");
        Assert.That(after.KindProblems, Is.Zero, $"run {run}: activity kinds out of step");
        Assert.That(after.Activities.Keys.Except(rig.Plan.EverHeld), Is.Empty, $"run {run}: stored activities Strava never had");
        Assert.That(rig.Plan.Delivered.Except(after.QueuedEvents), Is.Empty, $"run {run}: acknowledged webhook events lost");
        if (!before.BackfillDone)
        {
            Assert.That(firstList.QueryValue("after"), Is.EqualTo(rig.BackfillAfter), $"run {run}: the interrupted back-fill is what the restart does first");
        }

        if (after.BackfillDone)
        {
            Assert.That(rig.Plan.OldIds.Except(after.Activities.Keys), Is.Empty, $"run {run}: the back-fill is recorded but activities are missing");
        }
    });

    /// <summary>Left alone, the last run finishes everything: the back-fill (if still due), the queue, the re-check.</summary>
    private static async Task<(Snapshot Last, TimeSpan Settled)> RunUndisturbedAsync(Rig rig)
    {
        rig.Strava.Latency.Clear();
        var finalCalls = rig.Strava.Calls.Count;
        var rest = rig.Plan.NextEvents(0);
        var settled = Stopwatch.StartNew();
        await using (var bot = rig.StartBot())
        {
            await DeliverAsync(rig.Http, rest, rig.Plan, 1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));
            bool Settled()
            {
                SqliteConnection.ClearAllPools();
                var now = Snapshot.Read(rig.Database, rig.MemberId);
                return now.BackfillDone && now.Pending == 0 && now.SameAs(rig.Plan.Expected())
                    && rig.Strava.Calls.Skip(finalCalls).Any(c => c.Path == ListPath);
            }

            // Each look runs integrity_check on the file: four looks a second, not Eventually's one per 5 ms, which cost seconds of CPU.
            for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(90) && !Settled();)
            {
                await Task.Delay(250);
            }

            bot.Process.Kill();
            await bot.Process.WaitForExitAsync();
        }

        SqliteConnection.ClearAllPools();
        return (Snapshot.Read(rig.Database, rig.MemberId), settled.Elapsed);
    }

    /// <summary>The end state: exactly what the fake Strava holds, each activity once with its latest name and duration, the queue processed.</summary>
    private static void AssertSettled(Snapshot last, WebhookPlan plan, Dictionary<long, Stored> expected)
    {
        Assert.That(last.Integrity, Is.EqualTo("ok"));
        Assert.That(last.DuplicateIds, Is.Zero);
        Assert.That(last.KindProblems, Is.Zero, "activity kinds out of step");
        Assert.That(last.BackfillDone, Is.True, "the back-fill was finished");
        Assert.That(last.Pending, Is.Zero, "every queued event was processed");
        Assert.That(plan.Delivered.Except(last.QueuedEvents), Is.Empty, "every acknowledged event was queued");
        Assert.That(expected.Keys.Except(last.Activities.Keys), Is.Empty, "activities lost");
        Assert.That(last.Activities.Keys.Except(expected.Keys), Is.Empty, "activities stored that Strava no longer has");
        Assert.That(last.Activities.Where(a => expected.TryGetValue(a.Key, out var e) && e != a.Value).Select(a => a.Key), Is.Empty, "stale name or duration");
        Assert.That(last.MovingTimeSum, Is.EqualTo(expected.Values.Sum(e => (long)e.MovingTime)), "derived total");
    }

    /// <summary>Posts each event as Strava does (retrying until a 200) until stopped; an event not acknowledged stays to be re-sent.</summary>
    private static async Task DeliverAsync(HttpClient http, IReadOnlyList<Dictionary<string, object>> events, WebhookPlan plan, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        try
        {
            foreach (var body in events)
            {
                await Task.Delay(random.Next(0, 150), cancellationToken);
                while (true)
                {
                    try
                    {
                        using var response = await http.PostAsync(WebhookPath, JsonContent.Create(body), cancellationToken);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            plan.Acknowledge(body);
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // Not up yet, or killed mid-request: Strava retries.
                    }
                    catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Timed out: retried.
                    }

                    await Task.Delay(30, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Killed: what was not acknowledged is sent again next run.
        }
    }

    /// <summary>Where the kills count: during the back-fill, with webhook work queued, and the events they left queued.</summary>
    private sealed class Kills
    {
        public int MidBackfill { get; private set; }

        public int MidQueue { get; private set; }

        public int LeftQueued { get; private set; }

        public void Count(bool midBackfill, bool midQueue, int pending)
        {
            MidBackfill += midBackfill ? 1 : 0;
            MidQueue += midQueue ? 1 : 0;
            LeftQueued += pending;
        }
    }

    /// <summary>
    /// The world every run shares: a folder with the database (a member imported from the old bot, due for a back-fill),
    /// the fake Strava with the activities and the push subscription, the fake Discord, and the bot's settings.
    /// </summary>
    /// <summary>The world of one fixture (its file, the fakes, the bot's address) with the imported member and the plan of events.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly BotWorld _world;

        private Rig(BotWorld world)
        {
            _world = world;
            Http = new HttpClient { BaseAddress = new Uri(world.BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
            BackfillAfter = new DateTimeOffset(DateTime.SpecifyKind(SeasonWindow.For(ISOWeek.GetYear(DateTime.UtcNow)).From.AddDays(-1), DateTimeKind.Utc))
                .ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }

        public string Database => _world.Database;

        public FakeStravaServer Strava => _world.Strava;

        public HttpClient Http { get; }

        /// <summary>The <c>after</c> of the back-fill's list calls: the day before the season.</summary>
        public string BackfillAfter { get; }

        public WebhookPlan Plan { get; private set; } = null!;

        public long MemberId { get; private set; }

        public static async Task<Rig> CreateAsync()
        {
            var rig = new Rig(await BotWorld.CreateAsync("crash"));
            var strava = rig.Strava;
            strava.ReadLimit = (1_000_000, 10_000_000);
            strava.OverallLimit = (1_000_000, 10_000_000);
            var subscription = strava.AddSubscription(rig.Http.BaseAddress + WebhookPath[1..]);
            var athlete = strava.AddAthlete(AthleteId);
            await using (var seed = await StravaTestHost.StartAsync(strava, directory: rig._world.Folder))
            {
                // Imported from the old bot: tokens, no activities, no sync record — due for a back-fill at start-up.
                rig.MemberId = (await seed.AddLinkedMemberAsync(AthleteId, 55, backfilled: false)).Id;
                await seed.Get<StravaSubscriptionStore>().SetAsync(subscription.Id);
            }

            SqliteConnection.ClearAllPools();
            rig.Plan = new WebhookPlan(athlete, subscription.Id, new Random(20261201));
            rig.Plan.SeedActivities();
            return rig;
        }

        /// <summary>Starts the bot (again) on the fixture's file, its webhook at the secret path the events are posted to.</summary>
        public RunningBot StartBot() => _world.Start(new Dictionary<string, string?>
        {
            ["STRAVA_WEBHOOK_VERIFY_TOKEN"] = "crash-verify",
            ["STRAVA_WEBHOOK_SECRET"] = WebhookPath["/strava/webhook/".Length..],
        });

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _world.DisposeAsync();
        }
    }

    private sealed record Stored(string? Name, int MovingTime);

    /// <summary>
    /// The fake Strava's side: the activities it holds, and the events that change them. Every event targets its own
    /// activity in the current or previous week (the ones the re-check lists), so the result does not depend on
    /// how events and the back-fill interleave — only on nothing being lost.
    /// </summary>
    private sealed class WebhookPlan(FakeAthlete athlete, long subscriptionId, Random random)
    {
        private readonly Queue<long> _targets = new();
        private readonly List<Dictionary<string, object>> _unacknowledged = [];
        private readonly HashSet<string> _delivered = [];
        private readonly HashSet<Dictionary<string, object>> _carried = [];
        private readonly Lock _lock = new();
        private long _nextNewId = 50_000;

        public HashSet<long> EverHeld { get; } = [];

        public List<long> OldIds { get; } = [];

        public int DeliveredCount { get; private set; }

        /// <summary>Events a kill cut off before the bot acknowledged them (not sent yet, or killed mid-request), sent again later.</summary>
        public int Redeliveries => _carried.Count;

        public IReadOnlyCollection<string> Delivered
        {
            get
            {
                lock (_lock)
                {
                    return [.. _delivered];
                }
            }
        }

        public void SeedActivities()
        {
            var today = DateTime.UtcNow.Date;
            var season = ISOWeek.GetYear(today);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var seasonStart = ISOWeek.ToDateTime(season, 1, DayOfWeek.Monday);
            var oldEnd = monday.AddDays(-9);
            var span = Math.Max(1, (oldEnd - seasonStart).TotalHours);
            for (var i = 0; i < OldActivities; i++)
            {
                var start = oldEnd > seasonStart ? seasonStart.AddHours(2 + (span - 4) * i / OldActivities) : monday.AddDays(-7).AddMinutes(i);
                Add(FakeActivity.Run(1_000 + i, start, 20 + (i % 40)));
                OldIds.Add(1_000 + i);
            }

            var recentSpan = Math.Max(1, (DateTime.UtcNow.AddHours(-2) - monday.AddDays(-7)).TotalMinutes);
            for (var i = 0; i < RecentActivities; i++)
            {
                var id = 20_000 + i;
                Add(FakeActivity.Run(id, monday.AddDays(-7).AddMinutes(30 + recentSpan * i / RecentActivities), 30));
                _targets.Enqueue(id);
            }
        }

        /// <summary>The events not acknowledged yet, then <paramref name="count"/> new ones (Strava changed first).</summary>
        public List<Dictionary<string, object>> NextEvents(int count)
        {
            lock (_lock)
            {
                _carried.UnionWith(_unacknowledged);
                var events = new List<Dictionary<string, object>>(_unacknowledged);
                for (var i = 0; i < count; i++)
                {
                    events.Add(NewEvent());
                }

                _unacknowledged.Clear();
                _unacknowledged.AddRange(events);
                return events;
            }
        }

        public void Acknowledge(Dictionary<string, object> body)
        {
            lock (_lock)
            {
                if (_unacknowledged.Remove(body))
                {
                    DeliveredCount++;
                }

                _delivered.Add(Key((string)body["aspect_type"], (long)body["object_id"]));
            }
        }

        public Dictionary<long, Stored> Expected() =>
            athlete.Activities.Values.ToDictionary(a => a.Id, a => new Stored(a.Name, a.MovingTime));

        public static string Key(string aspect, long objectId) => $"{aspect}:{objectId}";

        private void Add(FakeActivity activity)
        {
            athlete.Add(activity);
            EverHeld.Add(activity.Id);
        }

        private Dictionary<string, object> NewEvent()
        {
            var kind = random.Next(4);
            if (kind == 0 || _targets.Count == 0)
            {
                var id = _nextNewId++;
                var start = DateTime.UtcNow.AddHours(-1 - random.Next(0, 24));
                Add(FakeActivity.Run(id, start, 25 + random.Next(30)));
                return Event(id, "create", null);
            }

            var target = _targets.Dequeue();
            var current = athlete.Activities[target];
            switch (kind)
            {
                case 1:
                    athlete.Add(current with { MovingTime = current.MovingTime + 600, ElapsedTime = current.ElapsedTime + 600 });
                    return Event(target, "update", new Dictionary<string, string> { ["type"] = "Run" });
                case 2:
                    athlete.Add(current with { Name = $"Renamed {target}" });
                    return Event(target, "update", new Dictionary<string, string> { ["title"] = $"Renamed {target}" });
                default:
                    athlete.Activities.TryRemove(target, out _);
                    return Event(target, "delete", null);
            }
        }

        private Dictionary<string, object> Event(long id, string aspect, Dictionary<string, string>? updates) =>
            FakeStravaServer.Event("activity", id, aspect, athlete.Id, subscriptionId, updates);
    }

    /// <summary>What the file holds after a kill, read with a fresh connection.</summary>
    private sealed record Snapshot(
        string Integrity,
        long ForeignKeyProblems,
        long DuplicateIds,
        long KindProblems,
        Dictionary<long, Stored> Activities,
        long MovingTimeSum,
        bool BackfillDone,
        int Processed,
        int Pending,
        HashSet<string> QueuedEvents)
    {
        public bool SameAs(Dictionary<long, Stored> expected) =>
            Activities.Count == expected.Count && Activities.All(a => expected.TryGetValue(a.Key, out var e) && e == a.Value);

        public static Snapshot Read(string database, long memberId)
        {
            using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            connection.Open();
            var activities = new Dictionary<long, Stored>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT id, name, moving_time FROM activities WHERE member_id = $member;";
                command.Parameters.AddWithValue("$member", memberId);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    activities[reader.GetInt64(0)] = new Stored(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2));
                }
            }

            var queued = new HashSet<string>();
            var processed = 0;
            var pending = 0;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT aspect_type, object_id, processed_at_utc IS NOT NULL FROM webhook_events;";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    queued.Add(WebhookPlan.Key(reader.GetString(0), reader.GetInt64(1)));
                    if (reader.GetBoolean(2))
                    {
                        processed++;
                    }
                    else
                    {
                        pending++;
                    }
                }
            }

            return new Snapshot(
                Convert.ToString(Scalar(connection, "PRAGMA integrity_check;"), CultureInfo.InvariantCulture)!,
                Count(connection, "SELECT count(*) FROM pragma_foreign_key_check;"),
                Count(connection, "SELECT count(*) - count(DISTINCT id) FROM activities;"),
                // The derived kind number: each activity points at the kind of its own (type, sport type), each kind is there once.
                Count(connection, "SELECT count(*) FROM activities a LEFT JOIN activity_kinds k ON k.id = a.kind_id WHERE k.id IS NULL OR k.type IS NOT a.type OR k.sport_type IS NOT a.sport_type;")
                    + Count(connection, "SELECT count(*) - count(DISTINCT coalesce(type, '-') || '|' || coalesce(sport_type, '-')) FROM activity_kinds;"),
                activities,
                Count(connection, $"SELECT coalesce(sum(moving_time), 0) FROM activities WHERE member_id = {memberId};"),
                Count(connection, $"SELECT count(*) FROM strava_sync_states WHERE member_id = {memberId} AND last_backfill_at_utc IS NOT NULL;") > 0,
                processed,
                pending,
                queued);
        }

        private static object? Scalar(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Fixed SQL with numeric ids only.
            command.CommandText = sql;
#pragma warning restore CA2100
            return command.ExecuteScalar();
        }

        private static long Count(SqliteConnection connection, string sql) => Convert.ToInt64(Scalar(connection, sql), CultureInfo.InvariantCulture);
    }
}
