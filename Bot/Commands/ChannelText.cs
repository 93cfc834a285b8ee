using System.Globalization;
using Bot.Data.Entities;
using Bot.Discord.Entities;
using Bot.Discord.Guilds;
using Bot.Recaps;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>The answers of /admin channel, in the invoker's language from the <see cref="Catalog"/>.</summary>
internal static class ChannelText
{
    public static string BadTime(Language language) => Catalog.Text(language, "channel.bad_time");

    public static string Off(Language language) => Catalog.Text(language, "channel.off");

    public static string WasOff(Language language) => Catalog.Text(language, "channel.was_off");

    public static string NotSet(Language language) => Catalog.Text(language, "channel.not_set");

    /// <summary>The one line for a channel the bot cannot use; nothing was saved.</summary>
    public static string Refused(ulong channelId, ChannelAccess access, Language language) => access.Kind switch
    {
        ChannelAccessKind.MissingPermissions => Catalog.Text(language, "channel.missing_permissions", channelId, Names(access.Missing, language)),
        ChannelAccessKind.UnknownChannel => Catalog.Text(language, "channel.unknown_channel", channelId),
        ChannelAccessKind.UnknownMember => Catalog.Text(language, "channel.unknown_member"),
        _ => Catalog.Text(language, "channel.not_ready"),
    };

    public static string Saved(ChannelSetting setting, TimeZoneInfo zone, DateTimeOffset next, Language language) =>
        $"{Where(setting.ChannelId!.Value, setting, zone, next, language)} {Catalog.Text(language, "channel.change")}";

    /// <summary>Where and when recaps go, and what became of the last post (recorded as a <see cref="PostOutcome"/>).</summary>
    public static string Show(ChannelSetting setting, TimeZoneInfo zone, DateTimeOffset? next, Language language)
    {
        var where = setting.ChannelId is { } channel ? Where(channel, setting, zone, next!.Value, language) : Catalog.Text(language, "channel.posts_off");
        var last = setting.LastPostOutcome is { } outcome
            ? Catalog.Text(language, "channel.last_post", Formats.ShortDateTime(language, setting.LastPostAtUtc.GetValueOrDefault()), RecapText.Outcome(outcome, language))
            : Catalog.Text(language, "channel.no_post");
        return where + "\n" + last;
    }

    /// <summary>"08:00" for 480.</summary>
    public static string Clock(int minuteOfDay) => string.Create(CultureInfo.InvariantCulture, $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}");

    /// <summary>Minutes after midnight for "HH:MM" (or "H:MM"); null for anything else.</summary>
    public static int? ParseClock(string text) =>
        TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? (time.Hour * 60) + time.Minute
            : null;

    private static string Where(long channel, ChannelSetting setting, TimeZoneInfo zone, DateTimeOffset next, Language language) =>
        Catalog.Text(language, "channel.where", channel, Clock(setting.RecapMinuteOfDay), zone.Id, Local(next, zone, language),
            Catalog.Text(language, setting.MilestonesOn ? "channel.on" : "channel.off_word"));

    // "Monday 2026-12-14 08:00"; "Montag, 14.12.2026 08:00".
    private static string Local(DateTimeOffset instant, TimeZoneInfo zone, Language language)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var separator = language == Language.German ? ", " : " ";
        return Formats.Day(language, local.DayOfWeek) + separator + Formats.ShortDateTime(language, local);
    }

    private static string Names(Permissions missing, Language language) => string.Join(", ", new[]
    {
        (Permissions.ViewChannel, "channel.view_channel"),
        (Permissions.SendMessages, "channel.send_messages"),
        (Permissions.AttachFiles, "channel.attach_files"),
    }.Where(p => (missing & p.Item1) != 0).Select(p => Catalog.Text(language, p.Item2)));
}
