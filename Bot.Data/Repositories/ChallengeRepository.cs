using Bot.Data.Entities;
using Bot.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

public sealed class ChallengeRepository(IDbContextFactory<ChallengeDbContext> contextFactory, SqliteConnections connections, TimeProvider timeProvider)
{
    private static readonly System.Linq.Expressions.Expression<Func<Challenge, ChallengeRow>> AsRow =
        c => new ChallengeRow(c.Id, c.GuildId, c.SeasonYear, c.RulesJson, c.TimeZone, c.CreatedAtUtc);

    // The two lookups every command makes read through a plain connection, not EF (see SqliteConnections).
    public Task<ChallengeRow?> GetAsync(long guildId, int seasonYear, CancellationToken cancellationToken = default) =>
        ReadRowAsync(
            "WHERE guild_id = @GuildId AND season_year = @SeasonYear", cancellationToken, ("@GuildId", guildId), ("@SeasonYear", seasonYear));

    public Task<ChallengeRow?> GetLatestAsync(long guildId, CancellationToken cancellationToken = default) =>
        ReadRowAsync("WHERE guild_id = @GuildId ORDER BY season_year DESC LIMIT 1", cancellationToken, ("@GuildId", guildId));

    /// <summary>The guild's season years, ascending.</summary>
    public async Task<IReadOnlyList<int>> ListSeasonsAsync(long guildId, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Challenges.AsNoTracking()
                .Where(c => c.GuildId == guildId)
                .OrderBy(c => c.SeasonYear)
                .Select(c => c.SeasonYear)
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>Every guild's challenges, by guild then season year.</summary>
    public async Task<IReadOnlyList<ChallengeRow>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Challenges.AsNoTracking()
                .OrderBy(c => c.GuildId).ThenBy(c => c.SeasonYear)
                .Select(AsRow)
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>The challenges the member takes part in, by guild then season year.</summary>
    public async Task<IReadOnlyList<ChallengeRow>> ListForMemberAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Participations.AsNoTracking()
                .Where(p => p.MemberId == memberId)
                .Select(p => p.Challenge)
                .OrderBy(c => c.GuildId).ThenBy(c => c.SeasonYear)
                .Select(AsRow)
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>Creates the guild's season with these rules, or replaces the rules of the existing one.</summary>
    /// <param name="rulesJson">Already validated by the caller.</param>
    public Task<ChallengeRow> SaveRulesAsync(
        long guildId,
        int seasonYear,
        string rulesJson,
        CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var challenge = await context.Challenges
                .SingleOrDefaultAsync(c => c.GuildId == guildId && c.SeasonYear == seasonYear, ct);
            if (challenge is null)
            {
                challenge = new Challenge
                {
                    GuildId = guildId,
                    SeasonYear = seasonYear,
                    RulesJson = rulesJson,
                    CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
                };
                context.Challenges.Add(challenge);
            }
            else
            {
                challenge.RulesJson = rulesJson;
            }

            await context.SaveChangesAsync(ct);
            return ToRow(challenge);
        }, cancellationToken);

    /// <summary>
    /// Reads the season's current rules and stores what <paramref name="edit"/> makes of them, in one write
    /// transaction: BEGIN IMMEDIATE holds the write lock from the read on, so two admins editing different keys at
    /// once both land. A refused edit stores nothing. Null when there is no such season.
    /// </summary>
    /// <param name="edit">Pure and quick: it runs while the database is locked for writing.</param>
    public Task<RulesEdit?> EditRulesAsync(long challengeId, Func<string, RulesEdit> edit, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var challenge = await context.Challenges.SingleOrDefaultAsync(c => c.Id == challengeId, ct);
            if (challenge is null)
            {
                return null;
            }

            var result = edit(challenge.RulesJson);
            if (result.RulesJson is { } rulesJson)
            {
                challenge.RulesJson = rulesJson;
            }

            return (RulesEdit?)result;
        }, cancellationToken);

    /// <summary>
    /// Starts the guild's season in one transaction: the challenge with these rules, and every member of
    /// <paramref name="carryOverFrom"/> (the previous season) joined with <paramref name="jokers"/> jokers and
    /// their consent as it was, except members who left (no data would come for them: they join by linking again).
    /// Null when the season exists already (nothing changes).
    /// </summary>
    public Task<SeasonStart?> StartSeasonAsync(
        long guildId,
        int seasonYear,
        string rulesJson,
        int jokers,
        long? carryOverFrom,
        CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            if (await context.Challenges.AnyAsync(c => c.GuildId == guildId && c.SeasonYear == seasonYear, ct))
            {
                return null;
            }

            var now = timeProvider.GetUtcNow().UtcDateTime;
            var challenge = new Challenge { GuildId = guildId, SeasonYear = seasonYear, RulesJson = rulesJson, CreatedAtUtc = now };
            context.Challenges.Add(challenge);
            var previous = carryOverFrom is { } id
                ? await context.Participations.Where(p => p.ChallengeId == id && p.Member.LeftAtUtc == null).ToListAsync(ct)
                : [];
            foreach (var participation in previous)
            {
                challenge.Participations.Add(new Participation
                {
                    ChallengeId = 0,
                    MemberId = participation.MemberId,
                    ConsentToReports = participation.ConsentToReports,
                    JokersLeft = jokers,
                    JoinedAtUtc = now,
                });
            }

            await context.SaveChangesAsync(ct);
            return (SeasonStart?)new SeasonStart(ToRow(challenge), previous.Count);
        }, cancellationToken);

    /// <summary>Sets (or, with null, clears) the season's IANA time zone override. False when there is no such challenge.</summary>
    public Task<bool> SetTimeZoneAsync(long challengeId, string? timeZone, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var challenge = await context.Challenges.SingleOrDefaultAsync(c => c.Id == challengeId, ct);
            if (challenge is null)
            {
                return false;
            }

            challenge.TimeZone = timeZone;
            return true;
        }, cancellationToken);

    private static ChallengeRow ToRow(Challenge c) =>
        new(c.Id, c.GuildId, c.SeasonYear, c.RulesJson, c.TimeZone, c.CreatedAtUtc);

    private async Task<ChallengeRow?> ReadRowAsync(string where, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var snapshot = await ReadSnapshot.OpenAsync(connections, cancellationToken);
        await using (snapshot)
        {
            var rows = await snapshot.ReadAsync(
                "SELECT id, guild_id, season_year, rules_json, time_zone, created_at_utc FROM challenges " + where,
                r => new ChallengeRow(
                    r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                    DateTime.SpecifyKind(r.GetDateTime(5), DateTimeKind.Utc)),
                cancellationToken,
                parameters);
            return rows.SingleOrDefault();
        }
    }
}
