using System.Globalization;
using Bot.Configuration;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

public sealed partial class AdminCommands
{
    /// <summary>/admin season: starting a season.</summary>
    [SlashCommandGroup("season", "Seasons")]
    public sealed class Season(ChallengeRepository challenges, ChallengeLookup lookup, TimeProvider time) : ApplicationCommandModule
    {
        [SlashCommand("start", "Start a season; members of the latest season are carried over")]
        [Ephemeral]
        public async Task StartAsync(InteractionContext ctx, [Option("year", "Season year; leave out for this year")][Minimum(2000)][Maximum(9998)] long? year = null)
        {
            // [RequireAdmin] lets only a server's interactions in.
            var guild = (long)ctx.GuildId.GetValueOrDefault();
            var season = (int?)year ?? ISOWeek.GetYear(ChallengeTimeZone.Today(lookup.DefaultZone, time).ToDateTime(TimeOnly.MinValue));
            var latest = await challenges.GetLatestAsync(guild, ctx.CancellationToken);
            // A new season keeps the latest season's rules; the first one starts with the defaults.
            var rulesJson = latest?.RulesJson ?? RulesJson.Write(Rules.Default);
            var started = await challenges.StartSeasonAsync(
                guild, season, rulesJson, RulesJson.Parse(rulesJson).Jokers, latest?.Id, ctx.CancellationToken);
            var language = Languages.FromLocale(ctx.Locale);
            await Replies.PrivateAsync(ctx, started is null
                ? Catalog.Text(language, "admin.season_running", season)
                : Catalog.Text(language, "admin.season_started", season, started.MembersCarriedOver));
        }
    }
}
