using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

public sealed partial class AdminCommands
{
    /// <summary>/admin rules: changing the season's rules, each change recorded against closed weeks.</summary>
    [SlashCommandGroup("rules", "Season rules")]
    public sealed class RulesGroup(ChallengeRepository challenges, RecordedRecompute recompute) : ApplicationCommandModule
    {
        [SlashCommand("set", "Change one rule, e.g. key price_per_week value 4")]
        [Ephemeral]
        public async Task SetAsync(
            InteractionContext ctx,
            [RequireChallenge] ChallengeContext found,
            [Option("key", "A rule key, as /rules and the docs name it (e.g. points_required)")] string key,
            [Option("value", "Its new value as JSON: 4, 2.5, true, null, [\"Workout\"], {\"Run\":30}")] string value)
        {
            var challenge = found.Challenge;
            var language = Languages.FromLocale(ctx.Locale);
            JsonNode? parsed;
            try
            {
                parsed = JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                await Replies.PrivateAsync(ctx, Catalog.Text(language, "admin.rules_bad_json", value));
                return;
            }

            // Checked on the rules as read first, for a quick answer; then applied again to the rules as they are
            // inside the write transaction, so a concurrent change of another key is kept.
            if (RuleChange.Set(challenge.RulesJson, key, parsed, language).Problem is { } problem)
            {
                await Replies.PrivateAsync(ctx, problem);
                return;
            }

            var edit = await recompute.RecomputeChallengeAsync(challenge, $"rule {key} set by admin {ctx.User.Id}",
                ct => challenges.EditRulesAsync(challenge.Id, current => RuleChange.Set(current, key, parsed, language), ct), ctx.CancellationToken);

            // Null or a problem: the season went away, or a concurrent change made this one invalid; nothing was written.
            await Replies.PrivateAsync(ctx, edit is { RulesJson: not null }
                ? Catalog.Text(language, "admin.rules_set", challenge.SeasonYear, key, parsed?.ToJsonString() ?? "null")
                : edit?.Problem ?? Catalog.Text(language, "guard.no_challenge"));
        }

        [SlashCommand("reset", "Put every rule back to its default")]
        [Ephemeral]
        public async Task ResetAsync(InteractionContext ctx, [RequireChallenge] ChallengeContext found)
        {
            var challenge = found.Challenge;
            await recompute.RecomputeChallengeAsync(challenge, $"rules reset by admin {ctx.User.Id}",
                ct => challenges.SaveRulesAsync(challenge.GuildId, challenge.SeasonYear, RulesJson.Write(Rules.Default), ct), ctx.CancellationToken);
            await Replies.PrivateAsync(ctx, Catalog.Text(Languages.FromLocale(ctx.Locale), "admin.rules_reset", challenge.SeasonYear));
        }
    }
}
