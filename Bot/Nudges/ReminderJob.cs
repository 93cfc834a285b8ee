using System.Globalization;
using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Discord.Entities;
using Bot.Discord.Guilds;
using Bot.Discord.Rest;
using Bot.Schedule;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Nudges;

/// <summary>
/// At each member's reminder slot (<c>/remind on</c>), a direct message to a member below the week's target with no
/// joker on it; nobody else gets anything. Each reminder is claimed once per member and week before anything is sent,
/// so a restart never sends it twice; a slot missed while the bot was down still counts the same day and week. A
/// member Discord will not let the bot message (50007) has their reminder switched off and is told in their next /me.
/// </summary>
internal sealed class ReminderJob(
    ReminderRepository reminders, PostRecordRepository posts, ChallengeLookup lookup, SeasonPipeline pipeline,
    DiscordRestClient rest, GuildCache guilds, ILogger<ReminderJob> logger) : IScheduledJob
{
    /// <summary>Discord's "Cannot send messages to this user".</summary>
    public const int CannotMessageUser = 50007;

    private const string Sent = "sent";

    /// <summary>How late a reminder may still go out (a slot missed while the bot was down).</summary>
    public static readonly TimeSpan Lateness = TimeSpan.FromHours(12);

    // Reminders claimed (or found claimed) by this process, so the minute ticks of the day after a slot ask the
    // database nothing more about them. Only the current week's are kept.
    private readonly HashSet<PostKey> _handled = [];

    public string Name => "reminders";

    public async Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = lookup.DefaultZone;
        var week = ISOWeek.GetWeekOfYear(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        _handled.RemoveWhere(k => k.Week != week);
        var due = (await reminders.ListEnabledAsync(cancellationToken))
            .Where(r => IsDue(r, now, zone) && !_handled.Any(k => k.GuildId == r.GuildId && k.DiscordUserId == r.DiscordUserId))
            .ToList();
        foreach (var guild in due.GroupBy(r => r.GuildId))
        {
            await RemindAsync(guild.Key, [.. guild.Select(r => r.DiscordUserId)], cancellationToken);
        }
    }

    /// <summary>Whether the reminder's latest slot has come, in the current week, after it was set, and at most <see cref="Lateness"/> ago.</summary>
    internal static bool IsDue(ReminderSetting reminder, DateTimeOffset now, TimeZoneInfo zone)
    {
        var slot = new WeeklySlot(reminder.Day, reminder.MinuteOfDay, zone).LatestAtOrBefore(now);
        var slotWeek = ISOWeek.GetWeekOfYear(TimeZoneInfo.ConvertTime(slot, zone).DateTime);
        var nowWeek = ISOWeek.GetWeekOfYear(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return slot.UtcDateTime >= DateTime.SpecifyKind(reminder.UpdatedAtUtc, DateTimeKind.Utc) && now - slot <= Lateness && slotWeek == nowWeek;
    }

    private async Task RemindAsync(long guildId, IReadOnlyList<long> users, CancellationToken cancellationToken)
    {
        if (await CurrentWeek.FindAsync(lookup, guildId, cancellationToken) is not { } current)
        {
            return; // no season running this week
        }

        var (challenge, today, week) = current;

        var claimed = new List<PostKey>();
        foreach (var user in users)
        {
            var key = new PostKey(guildId, PostKinds.Reminder, challenge.SeasonYear, week, user);
            if (_handled.Add(key) && await posts.TryClaimAsync(key, cancellationToken))
            {
                claimed.Add(key);
            }
        }

        if (claimed.Count == 0)
        {
            return;
        }

        var subjects = claimed.Select(k => k.DiscordUserId).ToHashSet();
        var tally = await pipeline.TallyWhenFreeAsync(challenge, today, m => m.DiscordUserId is { } id && subjects.Contains(id), cancellationToken);
        var indexOf = Enumerable.Range(0, tally.Season.Members.Count).ToDictionary(i => tally.Season.Members[i].DiscordUserId!.Value);

        // A DM answers no interaction: it speaks the server's language (its preferred_locale).
        var language = Languages.FromLocale(guilds.Find((ulong)guildId)?.PreferredLocale);
        foreach (var key in claimed)
        {
            var inSeason = indexOf.TryGetValue(key.DiscordUserId, out var index);
            var text = inSeason ? Message(tally, index, week, today, language) : null;
            var outcome = !inSeason ? "not in the season" : text is null ? "not below the target, or a joker" : await SendAsync(key, text, language, cancellationToken);
            await posts.RecordOutcomeAsync(key, outcome == Sent, outcome, cancellationToken);
            NudgesLog.Reminded(logger, key.DiscordUserId, guildId, week, outcome);
        }
    }

    /// <summary>The DM for a member below the target in an in-progress week; null for anyone else.</summary>
    private static string? Message(SeasonTally tally, int index, int week, DateOnly today, Language language)
    {
        var standing = tally.Standings.Members[index];
        var result = standing.Weeks.Where(w => w.Week == week).Select(w => (WeekResult?)w).FirstOrDefault();
        var rules = tally.Season.Input.Rules;
        if (standing.HasError || result is not { Status: WeekStatus.InProgress } current)
        {
            return null;
        }

        var gap = GapSuggestion.Gap(current.Points, rules.PointsRequired);
        return gap == 0 ? null : NudgeText.Reminder(week, current.Points, rules.PointsRequired, GapSuggestion.For(rules, gap, GapSuggestion.DaysLeftIn(today)), tally.Season.Members[index].JokersLeft, language);
    }

    private async Task<string> SendAsync(PostKey key, string text, Language language, CancellationToken cancellationToken)
    {
        var result = await rest.SendDirectMessageAsync((ulong)key.DiscordUserId, new DiscordMessageBuilder().WithContent(text), cancellationToken);
        if (result.IsSuccess)
        {
            return Sent;
        }

        var reason = result.Message ?? result.Kind.ToString();
        NudgesLog.ReminderFailed(logger, key.DiscordUserId, key.GuildId, reason);
        if (result.ErrorCode == CannotMessageUser)
        {
            await reminders.SwitchOffAsync(key.GuildId, key.DiscordUserId, NudgeText.SwitchedOff(language), cancellationToken);
            return "Discord does not let the bot message this member (50007): reminder switched off";
        }

        return "not sent: " + reason;
    }
}
