using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Configuration;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Discord.Entities;
using Bot.Scoring;
using Bot.Standings;

namespace Bot.Commands;

/// <summary>
/// /admin: for members with Manage Server (Discord hides it from others) and ADMIN_USER_IDS, checked
/// again here. Every change is one transaction and is echoed back.
/// </summary>
[SlashCommandGroup("admin", "Run the challenge (Manage Server)")]
[SlashCommandPermissions(Permissions.ManageGuild)]
public sealed class AdminCommands(ChallengeLookup lookup, SeasonExports exports, ChallengeOptions options, TimeProvider time) : ApplicationCommandModule
{
    internal const string NotAdmin = "Only members with the Manage Server permission (or listed in ADMIN_USER_IDS) can do that.";

    [SlashCommand("export", "The season's computed ledger (no activities) as CSV and JSON files (only you see them)")]
    [Ephemeral]
    public Task ExportAsync(InteractionContext ctx) => ExportCommands.AdminAsync(ctx, lookup, exports, options, time);

    internal static bool IsAdmin(InteractionContext ctx, ChallengeOptions options) =>
        ctx.MemberPermissions is { } permissions && (permissions & (Permissions.ManageGuild | Permissions.Administrator)) != 0
        || options.IsAdminUser(ctx.Invoker.Id);

    /// <summary>The current season of the server, when the invoker may administer it; else a private answer.</summary>
    internal static async Task<ChallengeRow?> CurrentAsync(InteractionContext ctx, ChallengeLookup lookup, ChallengeOptions options)
    {
        if (ctx.GuildId is not { } guild)
        {
            await Replies.Private(ctx, ChallengeLookup.GuildOnly);
            return null;
        }

        if (!IsAdmin(ctx, options))
        {
            await Replies.Private(ctx, NotAdmin);
            return null;
        }

        var found = await lookup.FindAsync(guild, null, ctx.CancellationToken);
        if (found is null)
        {
            await Replies.Private(ctx, ChallengeLookup.NoChallenge);
        }

        return found?.Challenge;
    }

    [SlashCommandGroup("season", "Seasons")]
    public sealed class Season(ChallengeRepository challenges, ChallengeLookup lookup, ChallengeOptions options, TimeProvider time) : ApplicationCommandModule
    {
        [SlashCommand("start", "Start a season; members of the latest season are carried over")]
        [Ephemeral]
        public async Task StartAsync(InteractionContext ctx, [Option("year", "Season year; leave out for this year")][Minimum(2000)][Maximum(9998)] long? year = null)
        {
            if (ctx.GuildId is not { } guild || !IsAdmin(ctx, options))
            {
                await Replies.Private(ctx, ctx.GuildId is null ? ChallengeLookup.GuildOnly : NotAdmin);
                return;
            }

            var season = (int?)year ?? ISOWeek.GetYear(ChallengeTimeZone.Today(lookup.DefaultZone, time).ToDateTime(TimeOnly.MinValue));
            var latest = await challenges.GetLatestAsync((long)guild, ctx.CancellationToken);
            // A new season keeps the latest season's rules; the first one starts with the defaults.
            var rulesJson = latest?.RulesJson ?? RulesJson.Write(Rules.Default);
            var started = await challenges.StartSeasonAsync(
                (long)guild, season, rulesJson, RulesJson.Parse(rulesJson).Jokers, latest?.Id, ctx.CancellationToken);
            await Replies.Private(ctx, started is null
                ? $"Season {season} is already running in this server."
                : $"Season {season} started with {started.MembersCarriedOver} member(s) from the previous season. See `/rules`.");
        }
    }

    [SlashCommandGroup("standings", "Standings")]
    public sealed class Standings(
        SeasonPipeline pipeline, Bot.Standings.ClosedWeekAudit audit, ChallengeLookup lookup, ChallengeOptions options)
        : ApplicationCommandModule
    {
        [SlashCommand("recompute", "Recompute the season from the stored activities and report the pot")]
        [Ephemeral]
        public async Task RecomputeAsync(InteractionContext ctx)
        {
            if (await CurrentAsync(ctx, lookup, options) is not { } challenge)
            {
                return;
            }

            // Nothing is cached: every answer is computed from activities, rules and jokers. This runs
            // that computation now and says what it found, e.g. after fixing rules or data by hand.
            var today = pipeline.Today(challenge);
            if (await pipeline.TallyAsync(challenge, today, null, ctx.CancellationToken) is not { } tally)
            {
                await Replies.Private(ctx, SeasonCommands.Busy);
                return;
            }

            var (season, result) = tally;
            var pot = result.Members.Where(m => !m.HasError).Sum(m => m.Total);
            var text = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"Season {challenge.SeasonYear} recomputed as of {today:yyyy-MM-dd}: {result.Members.Count} member(s), pot {Money.Format(pot, options.Currency)}."));

            // Closed weeks whose debt moved, as recorded when their inputs changed (newest first).
            var changes = await audit.HistoryAsync(challenge.Id, 10, ctx.CancellationToken);
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

            await Replies.Private(ctx, text.ToString());
        }
    }

    [SlashCommandGroup("member", "Members")]
    public sealed class Member(MemberRepository members, ChallengeLookup lookup, ChallengeOptions options) : ApplicationCommandModule
    {
        [SlashCommand("remove", "Remove a member from this season (their Strava link stays)")]
        [Ephemeral]
        public async Task RemoveAsync(InteractionContext ctx, [Option("member", "The member: a mention like @Anna or a Discord user id")] string member)
        {
            if (await CurrentAsync(ctx, lookup, options) is not { } challenge)
            {
                return;
            }

            var digits = new string(member.Where(char.IsAsciiDigit).ToArray());
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || userId <= 0)
            {
                await Replies.Private(ctx, $"`{member}` is not a member mention or a Discord user id. Nothing changed.");
                return;
            }

            var removed = await members.RemoveFromChallengeAsync(challenge.Id, userId, ctx.CancellationToken);
            await Replies.Private(ctx, removed
                ? $"<@{userId}> is no longer in season {challenge.SeasonYear}."
                : $"<@{userId}> is not in season {challenge.SeasonYear}. Nothing changed.");
        }
    }

    [SlashCommandGroup("rules", "Season rules")]
    public sealed class RulesGroup(ChallengeRepository challenges, Bot.Standings.ClosedWeekAudit audit, ChallengeLookup lookup, ChallengeOptions options) : ApplicationCommandModule
    {
        [SlashCommand("set", "Change one rule, e.g. key price_per_week value 4")]
        [Ephemeral]
        public async Task SetAsync(
            InteractionContext ctx,
            [Option("key", "A rule key, as /rules and the docs name it (e.g. points_required)")] string key,
            [Option("value", "Its new value as JSON: 4, 2.5, true, null, [\"Workout\"], {\"Run\":30}")] string value)
        {
            if (await CurrentAsync(ctx, lookup, options) is not { } challenge)
            {
                return;
            }

            JsonNode? parsed;
            try
            {
                parsed = JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                await Replies.Private(ctx, $"`{value}` is not a JSON value (numbers as 4 or 2.5, text in quotes). Nothing changed.");
                return;
            }

            // Checked on the rules as read first, for a quick answer; then applied again to the rules as they are
            // inside the write transaction, so a concurrent change of another key is kept.
            if (RuleChange.Set(challenge.RulesJson, key, parsed).Problem is { } problem)
            {
                await Replies.Private(ctx, problem);
                return;
            }

            var edit = await audit.RecomputeChallengeAsync(challenge, $"rule {key} set by admin {ctx.User.Id}",
                ct => challenges.EditRulesAsync(challenge.Id, current => RuleChange.Set(current, key, parsed), ct), ctx.CancellationToken);
            if (edit is not { RulesJson: not null })
            {
                // The season went away, or a concurrent change made this one invalid: nothing was written.
                await Replies.Private(ctx, edit?.Problem ?? ChallengeLookup.NoChallenge);
                return;
            }

            await Replies.Private(ctx, $"Season {challenge.SeasonYear}: `{key}` is now `{parsed?.ToJsonString() ?? "null"}`.");
        }

        [SlashCommand("reset", "Put every rule back to its default")]
        [Ephemeral]
        public async Task ResetAsync(InteractionContext ctx)
        {
            if (await CurrentAsync(ctx, lookup, options) is not { } challenge)
            {
                return;
            }

            await audit.RecomputeChallengeAsync(challenge, $"rules reset by admin {ctx.User.Id}",
                ct => challenges.SaveRulesAsync(challenge.GuildId, challenge.SeasonYear, RulesJson.Write(Rules.Default), ct), ctx.CancellationToken);
            await Replies.Private(ctx, $"Season {challenge.SeasonYear}: every rule is back to its default. See `/rules`.");
        }
    }
}
