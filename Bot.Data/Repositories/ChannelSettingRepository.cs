using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>The servers' channels for the bot's own posts.</summary>
public sealed class ChannelSettingRepository(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    /// <summary>Monday 08:00 in the challenge's time zone, when an admin names no time.</summary>
    public const int DefaultRecapMinuteOfDay = 8 * 60;

    public async Task<ChannelSetting?> GetAsync(long guildId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ChannelSettings.AsNoTracking().SingleOrDefaultAsync(s => s.GuildId == guildId, cancellationToken);
    }

    /// <summary>The servers that have a channel set (not switched off).</summary>
    public async Task<IReadOnlyList<ChannelSetting>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ChannelSettings.AsNoTracking().Where(s => s.ChannelId != null).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Sets the server's channel. A time or milestones choice left out keeps the current one (or the default). The
    /// recaps start with the next slot after <paramref name="nowUtc"/> when posts were off; a server that only moves
    /// its channel or time keeps its start, so no week in between is skipped.
    /// </summary>
    public Task<ChannelSetting> SetAsync(long guildId, long channelId, int? minuteOfDay, bool? milestonesOn, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var setting = await context.ChannelSettings.SingleOrDefaultAsync(s => s.GuildId == guildId, ct);
            if (setting is null)
            {
                setting = new ChannelSetting { GuildId = guildId, RecapMinuteOfDay = DefaultRecapMinuteOfDay, MilestonesOn = false, SetAtUtc = nowUtc, UpdatedAtUtc = nowUtc };
                context.ChannelSettings.Add(setting);
            }
            else if (setting.ChannelId is null)
            {
                setting.SetAtUtc = nowUtc;
            }

            if (milestonesOn is { } on && on != setting.MilestonesOn)
            {
                setting.MilestonesOn = on;
                setting.MilestonesSinceUtc = on ? nowUtc : null;
            }
            else if (setting.MilestonesOn && setting.ChannelId is null)
            {
                // Milestones reached while posts were off are not announced late.
                setting.MilestonesSinceUtc = nowUtc;
            }

            setting.ChannelId = channelId;
            setting.RecapMinuteOfDay = minuteOfDay ?? setting.RecapMinuteOfDay;
            setting.UpdatedAtUtc = nowUtc;
            return setting;
        }, cancellationToken);

    /// <summary>Stops the server's posts (the last outcome stays for <c>show</c>); false when there was no channel.</summary>
    public Task<bool> OffAsync(long guildId, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var setting = await context.ChannelSettings.SingleOrDefaultAsync(s => s.GuildId == guildId && s.ChannelId != null, ct);
            if (setting is null)
            {
                return false;
            }

            setting.ChannelId = null;
            setting.UpdatedAtUtc = nowUtc;
            return true;
        }, cancellationToken);

    /// <summary>Records what became of the server's last post, for <c>/admin channel show</c>.</summary>
    public Task RecordOutcomeAsync(long guildId, string outcome, DateTime atUtc, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            if (await context.ChannelSettings.SingleOrDefaultAsync(s => s.GuildId == guildId, ct) is { } setting)
            {
                setting.LastPostOutcome = outcome.Length <= 300 ? outcome : outcome[..300];
                setting.LastPostAtUtc = atUtc;
            }

            return true;
        }, cancellationToken);
}
