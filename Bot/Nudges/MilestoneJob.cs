using System.Globalization;
using Bot.Data.Entities;
using Bot.Data.Queries;
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
/// Milestones: in servers with a channel and milestones on, a line in the channel when a member who agreed to channel
/// reports reaches the week's target ("✅ Anna made week 49: 10/10"), once per member and week, only for targets
/// reached after milestones were switched on. Each minute at most one message per server (so per channel), with every
/// member who made it since the last one. The week is tallied only when what it depends on changed (its activities,
/// jokers, consents or the rules, read as a cheap <see cref="WeekStamp"/>): a quiet server costs a few indexed reads a
/// minute, not a season's tally.
/// </summary>
internal sealed class MilestoneJob(
    ChannelSettingRepository channels, PostRecordRepository posts, ChallengeLookup lookup, SeasonPipeline pipeline,
    WeekStampQuery stamps, DiscordRestClient rest, GuildCache guilds, ILogger<MilestoneJob> logger) : IScheduledJob
{
    // Per server, what the week looked like when it was last tallied to the end; lost on a restart, which costs one tally.
    private readonly Dictionary<long, (int Week, string Rules, WeekStamp Stamp)> _tallied = [];

    // Milestones claimed (or found claimed) by this process this week, so they are not claimed again at each change.
    private readonly HashSet<PostKey> _announced = [];

    public string Name => "milestones";

    public async Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var setting in await channels.ListActiveAsync(cancellationToken))
        {
            // A server the gateway has not described yet (just after a start) waits: its lines speak its language.
            if (setting is { MilestonesOn: true, ChannelId: { } channel, MilestonesSinceUtc: { } since } && guilds.Find((ulong)setting.GuildId) is not null)
            {
                await CheckAsync(setting.GuildId, channel, DateTime.SpecifyKind(since, DateTimeKind.Utc), cancellationToken);
            }
        }
    }

    /// <summary>Whether the member made the target of <paramref name="week"/> with an activity the bot stored after <paramref name="since"/>.</summary>
    internal static bool MadeIt(MemberStanding standing, int week, decimal required, MemberWeekStamp stamp, DateTime since) =>
        !standing.HasError
        && standing.Weeks.Any(w => w.Week == week && w.Status is WeekStatus.InProgress or WeekStatus.Passed && w.Points >= required)
        && stamp.LatestStoredUtc >= since;

    private async Task CheckAsync(long guildId, long channelId, DateTime since, CancellationToken cancellationToken)
    {
        if (await CurrentWeek.FindAsync(lookup, guildId, cancellationToken) is not { } current)
        {
            return; // no season running this week
        }

        var (challenge, today, week) = current;

        var monday = SeasonCalendar.For(challenge.SeasonYear).Monday(week).ToDateTime(TimeOnly.MinValue);
        var stamp = await stamps.ReadAsync(challenge.Id, week, monday, monday.AddDays(7), cancellationToken);
        if (_tallied.TryGetValue(guildId, out var last) && last.Week == week && last.Rules == challenge.RulesJson && last.Stamp.SameAs(stamp))
        {
            return;
        }

        _announced.RemoveWhere(k => k.GuildId == guildId && k.Week != week);
        var tally = await pipeline.TallyWhenFreeAsync(challenge, today, m => m.ConsentToReports && m.DiscordUserId is not null, cancellationToken);
        var required = tally.Season.Input.Rules.PointsRequired;
        var language = Languages.FromLocale(guilds.Find((ulong)guildId)?.PreferredLocale);
        var batch = new List<(PostKey Key, string Line)>();
        var complete = true;
        for (var i = 0; i < tally.Season.Members.Count; i++)
        {
            var member = tally.Season.Members[i];
            var standing = tally.Standings.Members[i];
            var key = new PostKey(guildId, PostKinds.Milestone, challenge.SeasonYear, week, member.DiscordUserId!.Value);
            if (_announced.Contains(key) || !MadeIt(standing, week, required, stamp.Members.GetValueOrDefault(member.MemberId), since))
            {
                continue;
            }

            var line = NudgeText.Milestone(standing.Name, week, standing.Weeks.Single(w => w.Week == week).Points, required, language);
            if (batch.Sum(b => b.Line.Length + 1) + line.Length > DiscordLimits.Content)
            {
                complete = false; // the rest next minute: one message a minute
                break;
            }

            _announced.Add(key);
            if (await posts.TryClaimAsync(key, cancellationToken))
            {
                batch.Add((key, line));
            }
        }

        if (complete)
        {
            _tallied[guildId] = (week, challenge.RulesJson, stamp);
        }

        await PostAsync(guildId, channelId, week, batch, cancellationToken);
    }

    private async Task PostAsync(long guildId, long channelId, int week, List<(PostKey Key, string Line)> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var result = await rest.CreateMessageAsync((ulong)channelId, new DiscordMessageBuilder().WithContent(string.Join('\n', batch.Select(b => b.Line))), cancellationToken);
        var outcome = result.IsSuccess
            ? string.Create(CultureInfo.InvariantCulture, $"posted in channel {channelId}")
            : "not posted: " + (result.Message ?? result.Kind.ToString());
        foreach (var (key, _) in batch)
        {
            await posts.RecordOutcomeAsync(key, result.IsSuccess, outcome, cancellationToken);
        }

        NudgesLog.MilestonesPosted(logger, guildId, week, batch.Count, outcome);
    }
}
