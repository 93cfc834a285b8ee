using System.Data.Common;
using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bot.Data.Repositories;

/// <summary>
/// Upserts many activities in one write transaction with one prepared statement. EF's change tracker costs
/// about 40 µs a row, too slow for a season back-fill of tens of thousands; the kinds are still added through
/// EF, so the (type, sport type) table stays the one <see cref="ActivityKindAssigner"/> keeps.
/// </summary>
internal static class ActivityBulkWriter
{
    // Rows whose values did not change are left alone (updated_at_utc keeps its value), and so is a row of another
    // member: an activity id never moves between members, whatever a caller passes.
    private const string UpsertSql = """
        INSERT INTO activities (id, member_id, name, type, sport_type, kind_id, start_utc, start_local_ticks, time_zone,
                                moving_time, elapsed_time, distance, total_elevation_gain, summary_polyline, updated_at_utc)
        VALUES ($id, $member, $name, $type, $sport, $kind, $start, $local, $zone, $moving, $elapsed, $distance, $gain, $polyline, $now)
        ON CONFLICT (id) DO UPDATE SET
            name = excluded.name, type = excluded.type, sport_type = excluded.sport_type,
            kind_id = excluded.kind_id, start_utc = excluded.start_utc, start_local_ticks = excluded.start_local_ticks,
            time_zone = excluded.time_zone, moving_time = excluded.moving_time, elapsed_time = excluded.elapsed_time,
            distance = excluded.distance, total_elevation_gain = excluded.total_elevation_gain,
            summary_polyline = excluded.summary_polyline, updated_at_utc = excluded.updated_at_utc
        WHERE activities.member_id = excluded.member_id AND (name IS NOT excluded.name OR type IS NOT excluded.type
            OR sport_type IS NOT excluded.sport_type OR start_utc IS NOT excluded.start_utc
            OR start_local_ticks IS NOT excluded.start_local_ticks OR time_zone IS NOT excluded.time_zone
            OR moving_time IS NOT excluded.moving_time OR elapsed_time IS NOT excluded.elapsed_time
            OR distance IS NOT excluded.distance OR total_elevation_gain IS NOT excluded.total_elevation_gain
            OR summary_polyline IS NOT excluded.summary_polyline)
        """;

    /// <summary>Writes the records inside the context's open transaction; returns how many rows were inserted or changed.</summary>
    public static async Task<int> UpsertAsync(
        ChallengeDbContext context, IReadOnlyList<ActivityRecord> records, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        var kinds = await KindIdsAsync(context, records, cancellationToken);
        var connection = context.Database.GetDbConnection();
        var command = connection.CreateCommand();
        await using (command)
        {
            command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = UpsertSql;
            var id = Add(command, "$id");
            var member = Add(command, "$member");
            var name = Add(command, "$name");
            var type = Add(command, "$type");
            var sport = Add(command, "$sport");
            var kind = Add(command, "$kind");
            var start = Add(command, "$start");
            var local = Add(command, "$local");
            var zone = Add(command, "$zone");
            var moving = Add(command, "$moving");
            var elapsed = Add(command, "$elapsed");
            var distance = Add(command, "$distance");
            var gain = Add(command, "$gain");
            var polyline = Add(command, "$polyline");
            var now = Add(command, "$now");
            now.Value = nowUtc;
            await command.PrepareAsync(cancellationToken);

            var written = 0;
            foreach (var record in records)
            {
                id.Value = record.Id;
                member.Value = record.MemberId;
                name.Value = (object?)record.Name ?? DBNull.Value;
                type.Value = (object?)record.Type ?? DBNull.Value;
                sport.Value = (object?)record.SportType ?? DBNull.Value;
                kind.Value = kinds[(record.Type, record.SportType)];
                start.Value = DateTime.SpecifyKind(record.StartUtc, DateTimeKind.Utc);
                local.Value = record.StartLocal.Ticks;
                zone.Value = (object?)record.TimeZone ?? DBNull.Value;
                moving.Value = record.MovingTime;
                elapsed.Value = record.ElapsedTime;
                distance.Value = record.Distance;
                gain.Value = record.TotalElevationGain;
                polyline.Value = (object?)record.SummaryPolyline ?? DBNull.Value;
                written += await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return written;
        }
    }

    private static async Task<Dictionary<(string?, string?), int>> KindIdsAsync(
        ChallengeDbContext context, IReadOnlyList<ActivityRecord> records, CancellationToken cancellationToken)
    {
        var known = await context.ActivityKinds.ToListAsync(cancellationToken);
        var kinds = new Dictionary<(string?, string?), ActivityKind>();
        foreach (var kind in known)
        {
            kinds.TryAdd((kind.Type, kind.SportType), kind);
        }

        var added = false;
        foreach (var record in records)
        {
            if (!kinds.ContainsKey((record.Type, record.SportType)))
            {
                var kind = new ActivityKind { Type = record.Type, SportType = record.SportType };
                context.ActivityKinds.Add(kind);
                kinds.Add((kind.Type, kind.SportType), kind);
                added = true;
            }
        }

        if (added)
        {
            await context.SaveChangesAsync(cancellationToken);
        }

        return kinds.ToDictionary(pair => pair.Key, pair => pair.Value.Id);
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
