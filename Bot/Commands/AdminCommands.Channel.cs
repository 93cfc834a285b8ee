using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Discord.Entities;
using Bot.Discord.Guilds;
using Bot.Schedule;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

public sealed partial class AdminCommands
{
    /// <summary>
    /// /admin channel: where and when the weekly recap is posted. A channel is saved only after the bot's permissions
    /// there were checked from the cached roles and overwrites (no test post).
    /// </summary>
    [SlashCommandGroup("channel", "The channel for the weekly recap")]
    public sealed class Channel(ChannelSettingRepository settings, GuildCache guilds, ChallengeLookup lookup, TimeProvider timeProvider) : ApplicationCommandModule
    {
        [SlashCommand("set", "Post the weekly recap every Monday in a channel")]
        [Ephemeral]
        public async Task SetAsync(
            InteractionContext ctx,
            [Option("channel", "The channel for the recap")] DiscordChannel channel,
            [Option("time", "Monday's time as HH:MM in the challenge's time zone (default 08:00)")] string? time = null,
            [Option("milestones", "Also a short line when a member reaches the week's target")] bool? milestones = null)
        {
            var language = Languages.FromLocale(ctx.Locale);
            int? minute = null;
            if (time is not null && (minute = ChannelText.ParseClock(time)) is null)
            {
                await Replies.PrivateAsync(ctx, ChannelText.BadTime(language));
                return;
            }

            // [RequireAdmin] lets only a server's interactions in.
            var guild = ctx.GuildId.GetValueOrDefault();
            var access = await guilds.CheckAsync(guild, channel.Id, ChannelAccess.PostWithFiles, ctx.CancellationToken);
            if (!access.IsUsable)
            {
                await Replies.PrivateAsync(ctx, ChannelText.Refused(channel.Id, access, language));
                return;
            }

            var now = timeProvider.GetUtcNow();
            var saved = await settings.SetAsync((long)guild, (long)channel.Id, minute, milestones, now.UtcDateTime, ctx.CancellationToken);
            await Replies.PrivateAsync(ctx, ChannelText.Saved(saved, lookup.DefaultZone, Slot(saved.RecapMinuteOfDay).NextAfter(now), language));
        }

        [SlashCommand("off", "Stop the bot's posts in the channel")]
        [Ephemeral]
        public async Task OffAsync(InteractionContext ctx)
        {
            var stopped = await settings.OffAsync((long)ctx.GuildId.GetValueOrDefault(), timeProvider.GetUtcNow().UtcDateTime, ctx.CancellationToken);
            var language = Languages.FromLocale(ctx.Locale);
            await Replies.PrivateAsync(ctx, stopped ? ChannelText.Off(language) : ChannelText.WasOff(language));
        }

        [SlashCommand("show", "The recap channel, its time and what became of the last post")]
        [Ephemeral]
        public async Task ShowAsync(InteractionContext ctx)
        {
            var setting = await settings.GetAsync((long)ctx.GuildId.GetValueOrDefault(), ctx.CancellationToken);
            var language = Languages.FromLocale(ctx.Locale);
            await Replies.PrivateAsync(ctx, setting is null
                ? ChannelText.NotSet(language)
                : ChannelText.Show(setting, lookup.DefaultZone, setting.ChannelId is null ? null : Slot(setting.RecapMinuteOfDay).NextAfter(timeProvider.GetUtcNow()), language));
        }

        private WeeklySlot Slot(int minuteOfDay) => new(DayOfWeek.Monday, minuteOfDay, lookup.DefaultZone);
    }
}
