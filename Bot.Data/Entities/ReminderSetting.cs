namespace Bot.Data.Entities;

/// <summary>A member's weekly reminder on one server (<c>/remind on|off</c>): a DM when they are below the target.</summary>
public sealed class ReminderSetting
{
    public required long GuildId { get; set; }

    public required long DiscordUserId { get; set; }

    public required DayOfWeek Day { get; set; }

    /// <summary>Minutes after midnight in the challenge's time zone.</summary>
    public required int MinuteOfDay { get; set; }

    public required bool Enabled { get; set; }

    /// <summary>
    /// Set when the bot switched the reminder off itself (Discord would not deliver the DM), so the member's next
    /// <c>/me</c> can say so; cleared once told.
    /// </summary>
    public string? SwitchedOffNotice { get; set; }

    public required DateTime UpdatedAtUtc { get; set; }
}
