using System.Text.Json;
using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Legacy;

/// <summary>
/// Imports the old bot's seasons in one transaction: every file is read and checked first, so a bad
/// file changes nothing; what exists already is left as it is, so a second run changes nothing.
/// </summary>
public sealed class LegacyImporter(IDbContextFactory<ChallengeDbContext> contextFactory, TimeProvider timeProvider)
{
    public async Task<LegacyImportReport> ImportAsync(
        string dataDirectory, long guildId, Func<string, string?> validateRulesJson, CancellationToken cancellationToken = default) =>
        await ImportAsync(LegacyReader.Read(dataDirectory, validateRulesJson), guildId, cancellationToken);

    /// <param name="seasons">Read by <see cref="LegacyReader.Read"/> beforehand, so bad files are refused before the database is touched.</param>
    public Task<LegacyImportReport> ImportAsync(IReadOnlyList<LegacySeason> seasons, long guildId, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, (context, ct) => WriteAsync(context, guildId, seasons, ct), cancellationToken);

    private async Task<LegacyImportReport> WriteAsync(
        ChallengeDbContext context, long guildId, IReadOnlyList<LegacySeason> seasons, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var lines = new List<string>();
        var changes = 0;
        foreach (var season in seasons)
        {
            var challenge = await context.Challenges
                .Include(c => c.Participations).ThenInclude(p => p.LegacyWeekResults)
                .SingleOrDefaultAsync(c => c.GuildId == guildId && c.SeasonYear == season.Year, cancellationToken);
            if (challenge is null)
            {
                challenge = new Challenge { GuildId = guildId, SeasonYear = season.Year, RulesJson = season.RulesJson, CreatedAtUtc = now };
                context.Challenges.Add(challenge);
                lines.Add($"{season.Year}: challenge created with the rules of global_rules.json");
                changes++;
            }
            else if (challenge.RulesJson != season.RulesJson)
            {
                lines.Add($"{season.Year}: the challenge exists already; its current rules are kept");
            }

            var added = 0;
            foreach (var athlete in season.Athletes)
            {
                var member = await FindOrAddMemberAsync(context, athlete, now, cancellationToken);
                var participation = challenge.Participations
                    .SingleOrDefault(p => ReferenceEquals(p.Member, member) || (member.Id != 0 && p.MemberId == member.Id));
                if (participation is null)
                {
                    participation = NewParticipation(challenge, member, athlete, now);
                    challenge.Participations.Add(participation);
                    added++;
                }

                changes += AddMissingWeekResults(participation, athlete);
                lines.AddRange(Differences(season, athlete));
                if (athlete.DiscordUserId is null)
                {
                    lines.Add($"{season.Year}: {Name(athlete)} has no Discord user id; imported without one");
                }
            }

            changes += added;
            lines.Add(added > 0
                ? $"{season.Year}: {added} of {season.Athletes.Count} athletes imported"
                : $"{season.Year}: all {season.Athletes.Count} athletes were imported before; nothing new");
        }

        return new LegacyImportReport(lines, changes);
    }

    private static async Task<Member> FindOrAddMemberAsync(
        ChallengeDbContext context, LegacyAthlete athlete, DateTime now, CancellationToken cancellationToken)
    {
        var member = context.Members.Local.SingleOrDefault(m => m.StravaAthleteId == athlete.AthleteId)
            ?? await context.Members.SingleOrDefaultAsync(m => m.StravaAthleteId == athlete.AthleteId, cancellationToken);
        if (member is null && athlete.DiscordUserId is { } discordId)
        {
            member = context.Members.Local.SingleOrDefault(m => m.DiscordUserId == discordId)
                ?? await context.Members.SingleOrDefaultAsync(m => m.DiscordUserId == discordId, cancellationToken);
        }

        if (member is not null)
        {
            // Tokens and names may have moved on since the old bot: keep what is there.
            member.StravaAthleteId ??= athlete.AthleteId;
            member.DiscordUserId ??= athlete.DiscordUserId;
            return member;
        }

        member = new Member
        {
            DiscordUserId = athlete.DiscordUserId,
            StravaAthleteId = athlete.AthleteId,
            FirstName = athlete.FirstName,
            LastName = athlete.LastName,
            ProfileMediumUrl = athlete.ProfileMedium,
            AccessToken = athlete.AccessToken,
            RefreshToken = athlete.RefreshToken,
            TokenExpiresAtUtc = athlete.TokenExpiresAtUtc,
            LinkState = athlete.RefreshToken is null ? LinkState.NeedsRelink : LinkState.Linked,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        context.Members.Add(member);
        return member;
    }

    private static Participation NewParticipation(Challenge challenge, Member member, LegacyAthlete athlete, DateTime now)
    {
        var participation = new Participation
        {
            ChallengeId = challenge.Id,
            Challenge = challenge,
            MemberId = member.Id,
            Member = member,
            // They appeared in the old bot's channel reports; they can opt out later.
            ConsentToReports = true,
            JokersLeft = athlete.JokersLeft,
            LegacyConstantsJson = athlete.ConstantsJson,
            JoinedAtUtc = now,
        };
        var jokerWeeks = athlete.JokerWeeks.Concat(athlete.WeekResults.Where(r => r.Result == (int)LegacyWeekOutcome.Joker).Select(r => r.Week)).Distinct();
        foreach (var week in jokerWeeks.Order())
        {
            participation.JokerWeeks.Add(new JokerWeek { ParticipationId = 0, Participation = participation, Week = week, CreatedAtUtc = now });
        }

        return participation;
    }

    private static int AddMissingWeekResults(Participation participation, LegacyAthlete athlete)
    {
        var added = 0;
        // Insertion order is not week order; a week listed twice keeps its last result.
        foreach (var result in athlete.WeekResults.GroupBy(r => r.Week).Select(g => g.Last()))
        {
            if (participation.LegacyWeekResults.Any(r => r.Week == result.Week))
            {
                continue;
            }

            participation.LegacyWeekResults.Add(new LegacyWeekResult
            {
                ParticipationId = participation.Id,
                Participation = participation,
                Week = result.Week,
                Result = (LegacyWeekOutcome)result.Result,
            });
            added++;
        }

        return added;
    }

    /// <summary>Where the rules frozen when the athlete registered differ from the season's.</summary>
    private static IEnumerable<string> Differences(LegacySeason season, LegacyAthlete athlete)
    {
        if (athlete.ConstantsJson is null)
        {
            yield break;
        }

        using var constants = JsonDocument.Parse(athlete.ConstantsJson);
        foreach (var property in constants.RootElement.EnumerateObject())
        {
            if (!LegacyReader.ConstantKeys.TryGetValue(property.Name, out var key) || !season.RulesValues.TryGetValue(key, out var seasonValue))
            {
                continue;
            }

            using var seasonDocument = JsonDocument.Parse(seasonValue);
            if (!JsonElement.DeepEquals(property.Value, seasonDocument.RootElement))
            {
                yield return $"{season.Year}: {Name(athlete)} registered under {key} {Compact(property.Value)} (season: {Compact(seasonDocument.RootElement)}); kept in their legacy constants";
            }
        }
    }

    private static string Name(LegacyAthlete athlete) => $"{athlete.FirstName} {athlete.LastName}".Trim();

    private static string Compact(JsonElement value) => value.ValueKind == JsonValueKind.Object ? "(a different table)" : value.GetRawText();
}
