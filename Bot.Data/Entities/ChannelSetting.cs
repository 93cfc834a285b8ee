namespace Bot.Data.Entities;

/// <summary>
/// A server's channel for the bot's own posts (the weekly recap, milestones), chosen by an admin with
/// <c>/admin channel set</c>. One per Discord server, across seasons.
/// </summary>
public sealed class ChannelSetting
{
    public required long GuildId { get; set; }

    /// <summary>The channel posts go to; null after <c>/admin channel off</c> (the last outcome stays for <c>show</c>).</summary>
    public long? ChannelId { get; set; }

    /// <summary>The recap's time on Monday, in minutes after midnight in the challenge's time zone.</summary>
    public required int RecapMinuteOfDay { get; set; }

    public required bool MilestonesOn { get; set; }

    /// <summary>When the channel was last set: a week is recapped only when its slot comes after this.</summary>
    public required DateTime SetAtUtc { get; set; }

    /// <summary>When milestones were switched on: only targets reached after this are announced.</summary>
    public DateTime? MilestonesSinceUtc { get; set; }

    /// <summary>What happened to the last post (sent, or why not), for <c>/admin channel show</c>.</summary>
    public string? LastPostOutcome { get; set; }

    public DateTime? LastPostAtUtc { get; set; }

    public required DateTime UpdatedAtUtc { get; set; }
}
