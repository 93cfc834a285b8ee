using System.Globalization;
using System.Text;
using Bot.Configuration;
using Bot.Discord.Commands;
using Bot.Scoring;
using Bot.Standings;

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
            var pot = result.Members.Where(m => !m.HasError).Sum(m => m.Total);
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"Season {challenge.SeasonYear} recomputed as of {today:yyyy-MM-dd}: {result.Members.Count} member(s), pot {Money.Format(pot, options.Currency)}."));

            // Closed weeks whose debt moved, as recorded when their inputs changed (newest first).
            var changes = await recompute.HistoryAsync(challenge.Id, 10, ctx.CancellationToken);
            if (changes.Count > 0)
            {
                var names = season.Members.ToDictionary(m => m.MemberId, m => m.DiscordUserId is { } id ? $"<@{id}>" : $"{m.FirstName} {m.LastName}".Trim());
                text.Append("\nRecent changes to closed weeks:");
                foreach (var change in changes)
                {
                    text.Append(CultureInfo.InvariantCulture,
                        $"\n• {change.AtUtc:yyyy-MM-dd HH:mm} UTC, week {change.Week}, {names.GetValueOrDefault(change.MemberId, "a former member")}: {change.OldStatus} {Money.Format(change.OldAmount, options.Currency)} → {change.NewStatus} {Money.Format(change.NewAmount, options.Currency)} ({change.Reason})");
                }
            }

            await Replies.PrivateAsync(ctx, text.ToString());
        }
    }
}
