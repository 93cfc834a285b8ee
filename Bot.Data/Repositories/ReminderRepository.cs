using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>The members' weekly reminders (<c>/remind</c>), one per server and Discord user.</summary>
public sealed class ReminderRepository(IDbContextFactory<ChallengeDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>Switches the reminder on at this weekday and minute (creating it or replacing the old time); clears a pending notice.</summary>
    public Task<ReminderSetting> SwitchOnAsync(long guildId, long discordUserId, DayOfWeek day, int minuteOfDay, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minuteOfDay);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(minuteOfDay, 24 * 60);
        return WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var setting = await context.ReminderSettings.SingleOrDefaultAsync(r => r.GuildId == guildId && r.DiscordUserId == discordUserId, ct);
            if (setting is null)
            {
                setting = new ReminderSetting { GuildId = guildId, DiscordUserId = discordUserId, Day = day, MinuteOfDay = minuteOfDay, Enabled = true, UpdatedAtUtc = default };
                context.ReminderSettings.Add(setting);
            }

            (setting.Day, setting.MinuteOfDay, setting.Enabled, setting.SwitchedOffNotice) = (day, minuteOfDay, true, null);
            setting.UpdatedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
            return setting;
        }, cancellationToken);
    }

    /// <summary>
    /// Switches the reminder off: by the member (<paramref name="notice"/> null), or by the bot, which leaves
    /// <paramref name="notice"/> for the member's next <c>/me</c>. False when it was not on.
    /// </summary>
    public Task<bool> SwitchOffAsync(long guildId, long discordUserId, string? notice = null, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var setting = await context.ReminderSettings.SingleOrDefaultAsync(r => r.GuildId == guildId && r.DiscordUserId == discordUserId, ct);
            if (setting is not { Enabled: true })
            {
                return false;
            }

            (setting.Enabled, setting.SwitchedOffNotice) = (false, notice);
            setting.UpdatedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
            return true;
        }, cancellationToken);

    /// <summary>The notice the bot left when it switched the reminder off, cleared as it is read (told once); null when none.</summary>
    public Task<string?> TakeNoticeAsync(long guildId, long discordUserId, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var setting = await context.ReminderSettings.SingleOrDefaultAsync(
                r => r.GuildId == guildId && r.DiscordUserId == discordUserId && r.SwitchedOffNotice != null, ct);
            var notice = setting?.SwitchedOffNotice;
            if (setting is not null)
            {
                setting.SwitchedOffNotice = null;
            }

            return notice;
        }, cancellationToken);

    public async Task<ReminderSetting?> GetAsync(long guildId, long discordUserId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ReminderSettings.AsNoTracking().SingleOrDefaultAsync(r => r.GuildId == guildId && r.DiscordUserId == discordUserId, cancellationToken);
    }

    /// <summary>Every reminder that is on, on every server.</summary>
    public async Task<IReadOnlyList<ReminderSetting>> ListEnabledAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ReminderSettings.AsNoTracking().Where(r => r.Enabled).ToListAsync(cancellationToken);
    }
}
