using Bot.Data;
using Bot.Data.Queries;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Bot.Benchmarks.Prototypes;

/// <summary>
/// Proposed for <c>SeasonSql.Activities</c>: <c>ORDER BY p.member_id</c> instead of <c>a.member_id</c>.
/// The rows and their order are the same (the join makes the two equal), but SQLite only sees that the
/// outer loop over participations already yields member order when the ORDER BY names its column;
/// with <c>a.member_id</c> the plan ends in "USE TEMP B-TREE FOR ORDER BY" and sorts all 416,000 rows.
/// The reading loop is <c>SeasonQueries.ReadActivitiesAsync</c>'s, unchanged.
/// </summary>
internal sealed class ProposedSeasonRead(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    public const string Activities = """
        SELECT a.member_id, a.id, a.type, a.sport_type, a.start_local_ticks, a.moving_time, a.elapsed_time
        FROM participations p
        JOIN activities a ON a.member_id = p.member_id
        WHERE p.challenge_id = @ChallengeId
          AND a.start_local_ticks >= @FromTicks
          AND a.start_local_ticks < @ToTicks
        ORDER BY p.member_id, a.start_local_ticks, a.id
        """;

    public async Task<List<SeasonActivityRow>> ReadActivitiesAsync(
        long challengeId, DateTime fromLocalInclusive, DateTime toLocalExclusive, CancellationToken cancellationToken = default)
    {
        var snapshot = await ReadSnapshot.OpenAsync(contextFactory, cancellationToken);
        await using (snapshot)
        {
            var parameters = new { ChallengeId = challengeId, FromTicks = fromLocalInclusive.Ticks, ToTicks = toLocalExclusive.Ticks };
            var activities = new List<SeasonActivityRow>(capacity: 4096);
            var reader = await snapshot.Connection.ExecuteReaderAsync(
                new CommandDefinition(Activities, parameters, snapshot.Transaction, cancellationToken: cancellationToken));
            await using (reader)
            {
                while (reader.Read())
                {
                    activities.Add(new SeasonActivityRow(
                        reader.GetInt64(0),
                        reader.GetInt64(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.GetInt64(4),
                        reader.GetInt32(5),
                        reader.GetInt32(6)));
                }
            }

            return activities;
        }
    }

    /// <summary>Experiment: the same query and column reads, keeping nothing: what SQLite and ADO.NET cost alone.</summary>
    public async Task<long> ScanActivitiesAsync(
        long challengeId, DateTime fromLocalInclusive, DateTime toLocalExclusive, bool readStrings, CancellationToken cancellationToken = default)
    {
        var snapshot = await ReadSnapshot.OpenAsync(contextFactory, cancellationToken);
        await using (snapshot)
        {
            var parameters = new { ChallengeId = challengeId, FromTicks = fromLocalInclusive.Ticks, ToTicks = toLocalExclusive.Ticks };
            long checksum = 0;
            var reader = await snapshot.Connection.ExecuteReaderAsync(
                new CommandDefinition(Activities, parameters, snapshot.Transaction, cancellationToken: cancellationToken));
            await using (reader)
            {
                while (reader.Read())
                {
                    checksum += reader.GetInt64(0) + reader.GetInt64(1) + reader.GetInt64(4) + reader.GetInt32(5) + reader.GetInt32(6);
                    if (readStrings)
                    {
                        checksum += (reader.IsDBNull(2) ? 0 : reader.GetString(2).Length) + (reader.IsDBNull(3) ? 0 : reader.GetString(3).Length);
                    }
                }
            }

            return checksum;
        }
    }
}
