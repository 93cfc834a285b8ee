using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Queries;

/// <summary>The hot read behind /total and /week.</summary>
public sealed class SeasonQueries(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    /// <summary>
    /// Reads the challenge's participants, their jokers, and their activities whose local start lies in
    /// [<paramref name="fromLocalInclusive"/>, <paramref name="toLocalExclusive"/>) (wall-clock times).
    /// </summary>
    public async Task<SeasonData> ReadSeasonAsync(
        long challengeId,
        DateTime fromLocalInclusive,
        DateTime toLocalExclusive,
        CancellationToken cancellationToken = default)
    {
        var snapshot = await ReadSnapshot.OpenAsync(contextFactory, cancellationToken);
        await using (snapshot)
        {
            var parameters = new { ChallengeId = challengeId };
            var members = new List<SeasonMemberRow>();
            var reader = await snapshot.Connection.ExecuteReaderAsync(
                new CommandDefinition(SeasonSql.Members, parameters, snapshot.Transaction, cancellationToken: cancellationToken));
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    members.Add(new SeasonMemberRow(
                        reader.GetInt64(0),
                        reader.GetInt64(1),
                        reader.IsDBNull(2) ? null : reader.GetInt64(2),
                        reader.GetString(3),
                        reader.GetString(4),
                        reader.IsDBNull(5) ? null : reader.GetInt64(5),
                        reader.GetInt64(6) != 0,
                        reader.GetInt32(7)));
                }
            }

            var activities = await ReadActivitiesAsync(snapshot, challengeId, fromLocalInclusive, toLocalExclusive, cancellationToken);

            var jokers = new List<SeasonJokerRow>();
            reader = await snapshot.Connection.ExecuteReaderAsync(
                new CommandDefinition(SeasonSql.Jokers, parameters, snapshot.Transaction, cancellationToken: cancellationToken));
            await using (reader)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    jokers.Add(new SeasonJokerRow(reader.GetInt64(0), reader.GetInt32(1)));
                }
            }

            return new SeasonData(members, activities, jokers);
        }
    }

    private static async Task<List<SeasonActivityRow>> ReadActivitiesAsync(
        ReadSnapshot snapshot,
        long challengeId,
        DateTime fromLocalInclusive,
        DateTime toLocalExclusive,
        CancellationToken cancellationToken)
    {
        var parameters = new { ChallengeId = challengeId, FromTicks = fromLocalInclusive.Ticks, ToTicks = toLocalExclusive.Ticks };
        var activities = new List<SeasonActivityRow>(capacity: 4096);
        var reader = await snapshot.Connection.ExecuteReaderAsync(
            new CommandDefinition(SeasonSql.Activities, parameters, snapshot.Transaction, cancellationToken: cancellationToken));
        await using (reader)
        {
            // The rows are read synchronously: Microsoft.Data.Sqlite's ReadAsync does no I/O of its own and
            // awaiting 400,000 times only adds overhead.
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

        cancellationToken.ThrowIfCancellationRequested();
        return activities;
    }
}
