namespace Bot.Data.Queries;

internal static class ExportSql
{
    public const string Activities = """
        SELECT a.member_id, a.id, a.name, a.type, a.sport_type, a.start_utc, a.start_local_ticks, a.time_zone,
               a.moving_time, a.elapsed_time, a.distance, a.total_elevation_gain, a.summary_polyline, a.updated_at_utc
        FROM participations p
        JOIN activities a ON a.member_id = p.member_id
        WHERE p.challenge_id = @ChallengeId
          AND a.start_local_ticks >= @FromTicks
          AND a.start_local_ticks < @ToTicks
        ORDER BY a.member_id, a.start_local_ticks, a.id
        """;

    public const string LegacyWeekResults = """
        SELECT r.participation_id, r.week, r.result
        FROM legacy_week_results r
        JOIN participations p ON p.id = r.participation_id
        WHERE p.challenge_id = @ChallengeId
        ORDER BY r.participation_id, r.week
        """;
}
