using System.Text;
using Bot.Configuration;
using Bot.Discord.Commands;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

public sealed partial class AdminCommands
{
    /// <summary>/admin standings: recomputing the season and what changed in closed weeks.</summary>
    [SlashCommandGroup("standings", "Standings")]
    public sealed class Standings(SeasonPipeline pipeline, RecordedRecompute recompute, ChallengeOptions options) : ApplicationCommandModule
    {
        [SlashCommand("recompute", "Recompute the season from the stored activities and report the pot")]
        [Ephemeral]
        public async Task RecomputeAsync(InteractionContext ctx, [RequireChallenge] ChallengeContext found)
        {
            // Nothing is cached: every answer is computed from activities, rules and jokers. This runs
            // that computation now and says what it found, e.g. after fixing rules or data by hand.
            var challenge = found.Challenge;
            var today = pipeline.Today(challenge);
            if (await pipeline.TallyAsync(challenge, today, null, ctx.CancellationToken) is not { } tally)
            {
                await Replies.BusyAsync(ctx);
                return;
            }

            var (season, result) = tally;
            var language = Languages.FromLocale(ctx.Locale);
            var pot = result.Members.Where(m => !m.HasError).Sum(m => m.Total);
            var text = new StringBuilder(Catalog.Text(language, "admin.recomputed",
                challenge.SeasonYear, Formats.ShortDate(language, today), result.Members.Count, Formats.Money(language, pot, options.Currency)));

            // Closed weeks whose debt moved, as recorded when their inputs changed (newest first).
            var changes = await recompute.HistoryAsync(challenge.Id, 10, ctx.CancellationToken);
            if (changes.Count > 0)
            {
                var names = season.Members.ToDictionary(m => m.MemberId, m => m.DiscordUserId is { } id ? $"<@{id}>" : $"{m.FirstName} {m.LastName}".Trim());
                text.Append('\n').Append(Catalog.Text(language, "admin.recent_changes"));
                foreach (var change in changes)
                {
                    // The reason is stored as the bot wrote it when the week moved (English), like a log line.
                    text.Append('\n').Append(Catalog.Text(language, "admin.change",
                        Formats.ShortDateTime(language, change.AtUtc), change.Week, names.GetValueOrDefault(change.MemberId) ?? Catalog.Text(language, "admin.former_member"),
                        Status(change.OldStatus, language), Formats.Money(language, change.OldAmount, options.Currency),
                        Status(change.NewStatus, language), Formats.Money(language, change.NewAmount, options.Currency), change.Reason));
                }
            }

            await Replies.PrivateAsync(ctx, text.ToString());
        }

        // A stored status name ("passed", "no_data") in the language; a name the bot does not know, as stored.
        private static string Status(string name, Language language) => Catalog.Of(language).GetValueOrDefault("admin.status_" + name, name);
    }
}
