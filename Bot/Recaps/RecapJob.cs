using Bot.Configuration;
using Bot.Data.Repositories;
using Bot.Discord.Guilds;
using Bot.Schedule;

namespace Bot.Recaps;

/// <summary>
/// Every minute (and right after start-up): each server with a recap channel whose Monday slot has passed gets the
/// recap of the week that closed, once (<see cref="RecapDue"/> decides the week; <see cref="RecapPoster"/> claims and
/// posts). One server's failure never keeps the others from theirs. A server the gateway has not described yet waits.
/// </summary>
public sealed class RecapJob(ChannelSettingRepository settings, RecapPoster poster, GuildCache guilds, ChallengeOptions options, ILogger<RecapJob> logger)
    : IScheduledJob
{
    private readonly TimeZoneInfo _zone = options.ResolveTimeZone();

    public string Name => "recap";

    public async Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var setting in (await settings.ListActiveAsync(cancellationToken)).OrderBy(s => s.GuildId))
        {
            if (RecapDue.For(setting, _zone, now) is not { } due)
            {
                continue;
            }

            // The recap speaks the server's language, which its GUILD_CREATE brings just after READY. A recap missed
            // while the bot was down is due at the first tick after a start, before that: it waits for the next minute
            // rather than go out in English. A server that never comes (the bot was removed) gets nothing, as it must.
            if (guilds.Find((ulong)setting.GuildId) is null)
            {
                RecapsLog.WaitingForGuild(logger, setting.GuildId);
                continue;
            }

            try
            {
                await poster.PostDueAsync(setting, due, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The post was claimed and stays so (never twice); the admins see that it failed.
                RecapsLog.Failed(logger, setting.GuildId, due.Season, due.Week, exception);
                await settings.RecordOutcomeAsync(setting.GuildId, new PostOutcome(PostOutcome.Recap, due.Week, PostOutcomeKind.Failed).Encode(), now.UtcDateTime, cancellationToken);
            }
        }
    }
}
