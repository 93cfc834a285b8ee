using System.Globalization;
using Bot.Data.Entities;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Queries;

/// <summary>What <c>export</c> writes for a season: the participants, their jokers, legacy results and activities.</summary>
public sealed class ExportQueries(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    /// <summary>Members ordered by participation id; activities in range, ordered by local start then id.</summary>
    public async Task<IReadOnlyList<ExportMember>> ReadMembersAsync(
        long challengeId,
        DateTime fromLocalInclusive,
        DateTime toLocalExclusive,
        CancellationToken cancellationToken = default)
    {
        var snapshot = await ReadSnapshot.OpenAsync(contextFactory, cancellationToken);
        await using (snapshot)
        {
            var parameters = new
            {
                ChallengeId = challengeId,
                FromTicks = fromLocalInclusive.Ticks,
                ToTicks = toLocalExclusive.Ticks,
            };
            var members = new List<(long ParticipationId, long MemberId, long? DiscordUserId, string FirstName,
                string LastName, long? StravaAthleteId, bool Consent, int JokersLeft)>();
            var reader = await snapshot.Connection.ExecuteReaderAsync(Command(SeasonSql.Members));
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    members.Add((reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                        reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt64(5),
                        reader.GetInt64(6) != 0, reader.GetInt32(7)));
                }
            }

            var jokers = new Dictionary<long, List<int>>();
            reader = await snapshot.Connection.ExecuteReaderAsync(Command(SeasonSql.Jokers));
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ListFor(jokers, reader.GetInt64(0)).Add(reader.GetInt32(1));
                }
            }

            var legacy = new Dictionary<long, List<ExportLegacyWeekRow>>();
            reader = await snapshot.Connection.ExecuteReaderAsync(Command(ExportSql.LegacyWeekResults));
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ListFor(legacy, reader.GetInt64(0))
                        .Add(new ExportLegacyWeekRow(reader.GetInt32(1), (LegacyWeekOutcome)reader.GetInt32(2)));
                }
            }

            var activities = new Dictionary<long, List<ExportActivityRow>>();
            reader = await snapshot.Connection.ExecuteReaderAsync(Command(ExportSql.Activities));
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ListFor(activities, reader.GetInt64(0)).Add(new ExportActivityRow(
                        reader.GetInt64(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        ReadUtc(reader.GetString(5)),
                        new DateTime(reader.GetInt64(6), DateTimeKind.Unspecified),
                        reader.IsDBNull(7) ? null : reader.GetString(7),
                        reader.GetInt32(8),
                        reader.GetInt32(9),
                        reader.GetDouble(10),
                        reader.GetDouble(11),
                        reader.IsDBNull(12) ? null : reader.GetString(12),
                        ReadUtc(reader.GetString(13))));
                }
            }

            return members.Select(m => new ExportMember(
                    m.ParticipationId,
                    m.MemberId,
                    m.DiscordUserId,
                    m.FirstName,
                    m.LastName,
                    m.StravaAthleteId,
                    m.Consent,
                    m.JokersLeft,
                    jokers.GetValueOrDefault(m.ParticipationId) ?? [],
                    legacy.GetValueOrDefault(m.ParticipationId) ?? [],
                    activities.GetValueOrDefault(m.MemberId) ?? []))
                .ToList();

            CommandDefinition Command(string sql) =>
                new(sql, parameters, snapshot.Transaction, cancellationToken: cancellationToken);
        }
    }

    private static List<T> ListFor<T>(Dictionary<long, List<T>> lists, long key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            list = [];
            lists[key] = list;
        }

        return list;
    }

    // EF stores DateTime as ISO-like text ("yyyy-MM-dd HH:mm:ss.FFFFFFF"), always UTC here.
    private static DateTime ReadUtc(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
