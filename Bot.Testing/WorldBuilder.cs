using Bot.Data.Repositories;
using Bot.Testing.Generation;

namespace Bot.Testing;

/// <summary>
/// The one way tests and benchmarks seed a world into a real SQLite file: a season, members with their Strava links,
/// jokers and activities, stored through the migrator and the repositories the bot itself writes with.
/// Calls after <see cref="Member"/> describe that member:
/// <code>
/// await WorldBuilder.For(path).Challenge(guild, 2026)
///     .Member("Anna", discordUserId: 301).Strava(134815).Activity(777001, new DateTime(2026, 1, 6, 7, 0, 0))
///     .Member("Marie", discordUserId: 303).NoConsent().Syncing()
///     .SeedAsync();
/// </code>
/// </summary>
internal sealed class WorldBuilder
{
    private readonly List<MemberSeed> _members = [];
    private readonly List<(GeneratedSeason Season, long FirstAthleteId)> _generated = [];
    private MemberSeed? _current;

    private WorldBuilder(string databasePath) => DatabasePath = databasePath;

    public string DatabasePath { get; }

    public long? GuildId { get; private set; }

    public int Season { get; private set; }

    public string RulesJson { get; private set; } = "{}";

    /// <summary>The time the seeded rows carry (created, joined, synced); now unless <see cref="At"/> says otherwise.</summary>
    public DateTimeOffset SeededAtUtc { get; private set; } = DateTimeOffset.UtcNow;

    public IReadOnlyList<MemberSeed> Members => _members;

    public IReadOnlyList<(GeneratedSeason Season, long FirstAthleteId)> GeneratedSeasons => _generated;

    public static WorldBuilder For(string databasePath) => new(databasePath);

    public static WorldBuilder For(TempDatabase database) => new(database.Path);

    public WorldBuilder At(DateTimeOffset seededAtUtc)
    {
        SeededAtUtc = seededAtUtc;
        return this;
    }

    /// <summary>The guild's season, created with these rules (already valid JSON).</summary>
    public WorldBuilder Challenge(long guildId, int season, string rulesJson = "{}")
    {
        (GuildId, Season, RulesJson) = (guildId, season, rulesJson);
        return this;
    }

    public WorldBuilder Member(string firstName, long? discordUserId = null, string lastName = "Tester")
    {
        _current = new MemberSeed(firstName, lastName, discordUserId);
        _members.Add(_current);
        return this;
    }

    /// <summary>Links the member to this Strava athlete, as a completed OAuth exchange would (needs a Discord user id).</summary>
    public WorldBuilder Strava(
        long athleteId,
        string accessToken = "secret-access",
        string refreshToken = "secret-refresh",
        DateTimeOffset? expiresAtUtc = null,
        string scopes = "read,activity:read_all",
        string? profileUrl = null)
    {
        var member = Current;
        var discordUserId = member.DiscordUserId ?? throw new InvalidOperationException($"{member.FirstName} needs a Discord user id to link Strava.");
        member.Link = new StravaLinkRequest(
            discordUserId, athleteId, member.FirstName, member.LastName, profileUrl, accessToken, refreshToken,
            (expiresAtUtc ?? SeededAtUtc.AddHours(6)).UtcDateTime, scopes);
        return this;
    }

    /// <summary>
    /// The member is already in the file (an earlier seed of it stored them, with their link, sync and activities): found by
    /// their Discord user id, they only join this world's season. For fixtures whose tests each get a season of their own.
    /// </summary>
    public WorldBuilder Existing()
    {
        Current.Existing = true;
        return this;
    }

    /// <summary>The member did not consent to channel reports: others never see their numbers.</summary>
    public WorldBuilder NoConsent()
    {
        Current.ConsentToReports = false;
        return this;
    }

    /// <summary>Jokers left after spending one on each of <paramref name="weeks"/>.</summary>
    public WorldBuilder Jokers(int left, params int[] weeks)
    {
        (Current.JokersLeft, Current.JokerWeeks) = (left, weeks);
        return this;
    }

    /// <summary>The member's first back-fill has not completed: every week of theirs reads "syncing".</summary>
    public WorldBuilder Syncing()
    {
        Current.BackfillCompleted = false;
        return this;
    }

    /// <summary>The member's back-fill has not completed, but a sync is recorded at <paramref name="lastSyncUtc"/>: "syncing", last sync shown.</summary>
    public WorldBuilder SyncingSince(DateTimeOffset lastSyncUtc)
    {
        (Current.BackfillCompleted, Current.LastSyncOnlyUtc) = (false, lastSyncUtc);
        return this;
    }

    /// <summary>
    /// The member left at <paramref name="atUtc"/>, as /unlink leaves them: no Strava link, their participation frozen then with
    /// these closed weeks (what the ledger keeps of them).
    /// </summary>
    public WorldBuilder Left(DateTimeOffset atUtc, params FrozenWeekSeed[] frozenWeeks)
    {
        (Current.LeftAtUtc, Current.FrozenWeeks, Current.BackfillCompleted) = (atUtc, frozenWeeks, false);
        return this;
    }

    /// <summary>A webhook event about the member's athlete (Strava link first), queued at <paramref name="receivedAtUtc"/>; due in 2030, so a running bot leaves it.</summary>
    public WorldBuilder QueuedEvent(DateTime receivedAtUtc, bool processed = false)
    {
        Current.QueuedEvents.Add((receivedAtUtc, processed));
        return this;
    }

    /// <summary>The member came from the old bot's data: their link and tokens are stored, but no sync record exists yet.</summary>
    public WorldBuilder Imported()
    {
        (Current.Imported, Current.BackfillCompleted) = (true, false);
        return this;
    }

    /// <summary>
    /// The member's back-fill completed at <paramref name="atUtc"/> (default: <see cref="SeededAtUtc"/>; the ledger dates its data
    /// by the oldest sync), from <paramref name="fromLocal"/> on (default: Monday of week 1 of the season).
    /// </summary>
    public WorldBuilder Backfilled(DateTimeOffset? atUtc = null, DateTime? fromLocal = null)
    {
        (Current.BackfillCompleted, Current.BackfilledAtUtc, Current.BackfilledFromLocal) = (true, atUtc, fromLocal);
        return this;
    }

    /// <summary>The member's weekly reminder on this server, switched on at the seed time (<see cref="At"/>).</summary>
    public WorldBuilder Reminder(DayOfWeek day, int minuteOfDay)
    {
        Current.Reminder = (day, minuteOfDay);
        return this;
    }

    /// <summary>
    /// The server's channel for the bot's posts, as <c>/admin channel set</c> stores it, with milestones on since
    /// <paramref name="milestonesSinceUtc"/> (off when null).
    /// </summary>
    public WorldBuilder Channel(long channelId, DateTimeOffset? milestonesSinceUtc = null)
    {
        ChannelSeed = (channelId, milestonesSinceUtc);
        return this;
    }

    public (long ChannelId, DateTimeOffset? MilestonesSinceUtc)? ChannelSeed { get; private set; }

    /// <summary>An activity of the member, started at <paramref name="startLocal"/> wall-clock time (the challenge's zone is UTC).</summary>
    public WorldBuilder Activity(
        long id,
        DateTime startLocal,
        string sportType = "Run",
        int movingSeconds = 1800,
        string? name = null,
        double distance = 5000,
        string? polyline = null)
    {
        Current.Activities.Add(new ActivityRecord(
            id, 0, name ?? "Activity " + id, sportType, sportType, DateTime.SpecifyKind(startLocal, DateTimeKind.Utc), startLocal,
            null, movingSeconds, movingSeconds + 100, distance, 20, polyline));
        return this;
    }

    /// <summary>An activity with every field as given (a scoring case's, say); the member's id is filled in when seeded.</summary>
    public WorldBuilder Activity(ActivityRecord activity)
    {
        Current.Activities.Add(activity);
        return this;
    }

    /// <summary>Every member of a generated season, in bulk: linked (athlete ids from <paramref name="firstAthleteId"/>), consenting, back-filled.</summary>
    public WorldBuilder Generated(GeneratedSeason season, long firstAthleteId = 50_000_000)
    {
        _generated.Add((season, firstAthleteId));
        _current = null;
        return this;
    }

    public Task<SeededWorld> SeedAsync(CancellationToken cancellationToken = default) => WorldSeeder.SeedAsync(this, cancellationToken);

    private MemberSeed Current => _current ?? throw new InvalidOperationException("Call Member(...) first.");
}
