namespace Bot.Data.Entities;

/// <summary>
/// A post the bot made (or claimed) on its own: a recap, a season close, a reminder or a milestone. The row is
/// written before the post is sent, and its key is unique, so a restart never posts the same thing twice.
/// </summary>
public sealed class PostRecord
{
    public long Id { get; set; }

    public required long GuildId { get; set; }

    /// <summary>What was posted: <see cref="PostKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The ISO week-year of the week the post is about.</summary>
    public required int SeasonYear { get; set; }

    public required int Week { get; set; }

    /// <summary>The Discord user a post is to or about (reminders, milestones); 0 for posts about the whole server.</summary>
    public required long DiscordUserId { get; set; }

    public required DateTime ClaimedAtUtc { get; set; }

    /// <summary>When Discord took the post; null while it is being sent, or when it failed (see <see cref="Outcome"/>).</summary>
    public DateTime? SentAtUtc { get; set; }

    public string? Outcome { get; set; }
}
