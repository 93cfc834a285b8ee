using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Bot.Data.Queries;

/// <summary>The hot read behind /total and /week.</summary>
public sealed class SeasonQueries(SqliteConnections connections)
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
        var snapshot = await ReadSnapshot.OpenAsync(connections, cancellationToken);
        await using (snapshot)
        {
            var members = await ReadMembersAsync(snapshot, challengeId, cancellationToken);

            var activities = ReadActivities(snapshot, challengeId, fromLocalInclusive, toLocalExclusive, cancellationToken);

            var jokers = await ReadJokersAsync(snapshot, challengeId, cancellationToken);

            var kinds = await snapshot.ReadAsync(
                SeasonSql.Kinds, r => new ActivityKindRow(r.GetInt64(0), NullableString(r, 1), NullableString(r, 2)), cancellationToken);

            var frozen = members.Any(m => m.Frozen) ? await ReadFrozenWeeksAsync(snapshot, challengeId, cancellationToken) : [];
            return new SeasonData(members, activities, jokers, kinds, frozen);
        }
    }

    /// <summary>The challenge's participants, by participation id (shared with the export).</summary>
    internal static async Task<List<SeasonMemberRow>> ReadMembersAsync(ReadSnapshot snapshot, long challengeId, CancellationToken cancellationToken)
    {
        var members = new List<SeasonMemberRow>();
        var command = snapshot.Command(SeasonSql.Members, ("@ChallengeId", challengeId));
        await using var disposeCommand = command;
        var reader = await command.ExecuteReaderAsync(cancellationToken);
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
                    reader.GetInt32(7),
                    Utc(reader, 8),
                    reader.GetInt64(9) != 0,
                    Utc(reader, 10),
                    Utc(reader, 11),
                    reader.GetInt64(12) != 0));
            }
        }

        return members;
    }

    // EF writes decimals as invariant text.
    private static async Task<List<FrozenWeekRow>> ReadFrozenWeeksAsync(ReadSnapshot snapshot, long challengeId, CancellationToken cancellationToken)
    {
        return await snapshot.ReadAsync(
            SeasonSql.FrozenWeeks,
            r => new FrozenWeekRow(
                r.GetInt64(0), r.GetInt32(1), r.GetInt64(2), r.GetString(3), r.GetInt32(4),
                decimal.Parse(r.GetString(5), NumberStyles.Number, CultureInfo.InvariantCulture)),
            cancellationToken,
            ("@ChallengeId", challengeId));
    }

    private static string? NullableString(System.Data.Common.DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTime? Utc(System.Data.Common.DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    /// <summary>The participants' joker weeks, by participation id and week (shared with the export).</summary>
    internal static async Task<List<SeasonJokerRow>> ReadJokersAsync(ReadSnapshot snapshot, long challengeId, CancellationToken cancellationToken)
    {
        return await snapshot.ReadAsync(
            SeasonSql.Jokers, r => new SeasonJokerRow(r.GetInt64(0), r.GetInt32(1)), cancellationToken, ("@ChallengeId", challengeId));
    }

    // The activity rows are stepped through SQLite directly rather than through a data reader: a season is
    // ~400,000 rows and this read is most of /total's 500 ms budget. Here it is one native call per
    // column and no allocation per row (the rows are structs, and numbers only). The SQL stays in Queries.
    private static List<SeasonActivityRow> ReadActivities(
        ReadSnapshot snapshot,
        long challengeId,
        DateTime fromLocalInclusive,
        DateTime toLocalExclusive,
        CancellationToken cancellationToken)
    {
        var db = snapshot.Connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, SeasonSql.Activities, out var statement), db);
        using (statement)
        {
            Check(raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@ChallengeId"), challengeId), db);
            Check(raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@FromTicks"), fromLocalInclusive.Ticks), db);
            Check(raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@ToTicks"), toLocalExclusive.Ticks), db);
            var activities = new List<SeasonActivityRow>(capacity: 4096);
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((activities.Count & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                activities.Add(new SeasonActivityRow(
                    raw.sqlite3_column_int64(statement, 0),
                    raw.sqlite3_column_int64(statement, 1),
                    raw.sqlite3_column_int(statement, 2),
                    raw.sqlite3_column_int64(statement, 3),
                    raw.sqlite3_column_int(statement, 4),
                    raw.sqlite3_column_int(statement, 5)));
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(rc, db);
            }

            return activities;
        }
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
