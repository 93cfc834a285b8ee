using Bot.Data.Repositories;

namespace Bot.Testing;

/// <summary>One member as <see cref="WorldBuilder"/> will store them: who they are, their Strava link, their season.</summary>
internal sealed class MemberSeed(string firstName, string lastName, long? discordUserId)
{
    public string FirstName { get; } = firstName;

    public string LastName { get; } = lastName;

    public long? DiscordUserId { get; } = discordUserId;

    /// <summary>The Strava link; null for a member without one (imported from the old bot, or never linked).</summary>
    public StravaLinkRequest? Link { get; set; }

    /// <summary>Stored as the legacy import stores a member: link and tokens, no sync record.</summary>
    public bool Imported { get; set; }

    /// <summary>Already in the file (an earlier seed stored them): found by Discord user id, they only join the season.</summary>
    public bool Existing { get; set; }

    public bool ConsentToReports { get; set; } = true;

    public int JokersLeft { get; set; } = 1;

    public IReadOnlyList<int> JokerWeeks { get; set; } = [];

    /// <summary>When the season back-fill completed; null while it has not ("syncing").</summary>
    public DateTimeOffset? BackfilledAtUtc { get; set; }

    /// <summary>Where the completed back-fill started; null for Monday of week 1 of the season.</summary>
    public DateTime? BackfilledFromLocal { get; set; }

    public bool BackfillCompleted { get; set; } = true;

    /// <summary>A sync record with only this last sync (no completed back-fill): "syncing", with a last sync to show.</summary>
    public DateTimeOffset? LastSyncOnlyUtc { get; set; }

    /// <summary>When the member left (their participation frozen then); null while they take part.</summary>
    public DateTimeOffset? LeftAtUtc { get; set; }

    public IReadOnlyList<FrozenWeekSeed> FrozenWeeks { get; set; } = [];

    /// <summary>Webhook events queued for the member's athlete: received at, already processed.</summary>
    public List<(DateTime ReceivedAtUtc, bool Processed)> QueuedEvents { get; } = [];

    public List<ActivityRecord> Activities { get; } = [];

    /// <summary>The member's weekly reminder on the world's server (<c>/remind on</c>), set at the seed time; null for none.</summary>
    public (DayOfWeek Day, int MinuteOfDay)? Reminder { get; set; }
}
