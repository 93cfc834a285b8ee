using System.Globalization;
using Bot.Data.Entities;

namespace Bot.Data.Queries;

/// <summary>What <c>export</c> writes for a season: the participants, their jokers, legacy results and activities.</summary>
public sealed class ExportQueries(SqliteConnections connections)
{
    /// <summary>Members ordered by participation id; activities in range, ordered by local start then id.</summary>
    public async Task<IReadOnlyList<ExportMember>> ReadMembersAsync(
        long challengeId,
        DateTime fromLocalInclusive,
        DateTime toLocalExclusive,
        CancellationToken cancellationToken = default)
    {
        var snapshot = await ReadSnapshot.OpenAsync(connections, cancellationToken);
        await using (snapshot)
        {
            (string, object)[] parameters =
                [("@ChallengeId", challengeId), ("@FromTicks", fromLocalInclusive.Ticks), ("@ToTicks", toLocalExclusive.Ticks)];
            var members = await SeasonQueries.ReadMembersAsync(snapshot, challengeId, cancellationToken);
            var jokers = (await SeasonQueries.ReadJokersAsync(snapshot, challengeId, cancellationToken))
                .GroupBy(j => j.ParticipationId)
                .ToDictionary(g => g.Key, g => g.Select(j => j.Week).ToList());
            var legacy = new Dictionary<long, List<ExportLegacyWeekRow>>();
            await using var legacyCommand = snapshot.Command(ExportSql.LegacyWeekResults, parameters);
            var reader = await legacyCommand.ExecuteReaderAsync(cancellationToken);
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ListFor(legacy, reader.GetInt64(0))
                        .Add(new ExportLegacyWeekRow(reader.GetInt32(1), (LegacyWeekOutcome)reader.GetInt32(2)));
                }
            }

            var activities = new Dictionary<long, List<ExportActivityRow>>();
            await using var activityCommand = snapshot.Command(ExportSql.Activities, parameters);
            reader = await activityCommand.ExecuteReaderAsync(cancellationToken);
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
                    m.ConsentToReports,
                    m.JokersLeft,
                    (IReadOnlyList<int>?)jokers.GetValueOrDefault(m.ParticipationId) ?? [],
                    legacy.GetValueOrDefault(m.ParticipationId) ?? [],
                    activities.GetValueOrDefault(m.MemberId) ?? []))
                .ToList();
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
