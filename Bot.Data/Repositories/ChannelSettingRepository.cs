using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>The servers' channels for the bot's own posts.</summary>
public sealed class ChannelSettingRepository(IDbContextFactory<ChallengeDbContext> contextFactory)
{
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
}
