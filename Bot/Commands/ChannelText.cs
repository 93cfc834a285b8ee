using System.Globalization;
using Bot.Data.Entities;
using Bot.Discord.Entities;
using Bot.Discord.Guilds;

namespace Bot.Commands;

/// <summary>The answers of /admin channel, in one place (a catalog of languages can take them over).</summary>
internal static class ChannelText
{
    public const string BadTime = "`time` must be a time of day as HH:MM, e.g. 08:00 or 18:30. Nothing was saved.";
    public const string Off = "Recap posts are off. `/admin channel set` switches them on again.";
    public const string WasOff = "Recap posts were already off.";
    public const string NotSet = "No recap channel is set. Pick one with `/admin channel set channel:#channel [time:HH:MM]`.";

    /// <summary>The one line for a channel the bot cannot use; nothing was saved.</summary>
    public static string Refused(ulong channelId, ChannelAccess access) => access.Kind switch
    {
        ChannelAccessKind.MissingPermissions =>
            $"I can't use <#{channelId}>: I am missing {Names(access.Missing)} there. Give my role that in the channel's permissions, then run this again. Nothing was saved.",
        ChannelAccessKind.UnknownChannel => $"<#{channelId}> is not a text channel of this server I can see. Nothing was saved.",
        ChannelAccessKind.UnknownMember => "I could not find out my own roles in this server; try again in a minute. Nothing was saved.",
        _ => "Discord has not told me about this server's channels yet; try again in a minute. Nothing was saved.",
    };

    public static string Saved(ChannelSetting setting, TimeZoneInfo zone, DateTimeOffset next) => string.Create(CultureInfo.InvariantCulture,
        $"Recaps go to <#{setting.ChannelId}> every Monday at {Clock(setting.RecapMinuteOfDay)} ({zone.Id}); the next on {Local(next, zone)}. Milestones: {OnOff(setting.MilestonesOn)}. Change the time with `/admin channel set channel:#channel time:HH:MM`, stop with `/admin channel off`.");

    public static string Show(ChannelSetting setting, TimeZoneInfo zone, DateTimeOffset? next)
    {
        var where = setting.ChannelId is { } channel
            ? string.Create(CultureInfo.InvariantCulture, $"Recaps go to <#{channel}> every Monday at {Clock(setting.RecapMinuteOfDay)} ({zone.Id}); the next on {Local(next!.Value, zone)}. Milestones: {OnOff(setting.MilestonesOn)}.")
            : "Recap posts are off.";
        var last = setting.LastPostOutcome is { } outcome
            ? string.Create(CultureInfo.InvariantCulture, $"\nLast post ({setting.LastPostAtUtc:yyyy-MM-dd HH:mm} UTC): {outcome}")
            : "\nNo post yet.";
        return where + last;
    }

    /// <summary>"08:00" for 480.</summary>
    public static string Clock(int minuteOfDay) => string.Create(CultureInfo.InvariantCulture, $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}");

    /// <summary>Minutes after midnight for "HH:MM" (or "H:MM"); null for anything else.</summary>
    public static int? ParseClock(string text) =>
        TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? (time.Hour * 60) + time.Minute
            : null;

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string OnOff(bool on) => on ? "on" : "off";

    private static string Names(Permissions missing) => string.Join(", ", new[]
    {
        (Permissions.ViewChannel, "View Channel"),
        (Permissions.SendMessages, "Send Messages"),
        (Permissions.AttachFiles, "Attach Files"),
    }.Where(p => (missing & p.Item1) != 0).Select(p => p.Item2));
}
