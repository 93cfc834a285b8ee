namespace Bot.Data.Queries;

internal static class SeasonSql
{
    // "Syncing" is the rule of StravaSyncRepository.ListBackfillDueAsync without the token conditions: a sync record
    // whose back-fill never completed, or neither a sync record nor any stored activity (imported from the old bot).
    // A relink resets last_backfill_at_utc but not backfilled_from_local_ticks, so a relinked member keeps their data.
    public const string Members = """
        SELECT p.id, p.member_id, m.discord_user_id, m.first_name, m.last_name, m.strava_athlete_id,
               p.consent_to_reports, p.jokers_left, m.no_data_since_utc,
               CASE WHEN m.left_at_utc IS NOT NULL THEN 0
                    WHEN s.member_id IS NOT NULL THEN s.backfilled_from_local_ticks IS NULL
                    ELSE NOT EXISTS (SELECT 1 FROM activities a WHERE a.member_id = m.id) END,
               s.last_sync_at_utc, m.left_at_utc, p.frozen_at_utc IS NOT NULL
        FROM participations p
        JOIN members m ON m.id = p.member_id
        LEFT JOIN strava_sync_states s ON s.member_id = m.id
        WHERE p.challenge_id = @ChallengeId
        ORDER BY p.id
        """;

    // Walks the participations of the challenge in member order and, per member, a range of the covering
    // activities index (member_id, start_local_ticks, id, kind_id, moving_time, elapsed_time): no table row
    // is read, and ordering by p.member_id (the outer loop) lets SQLite skip the sort. Numbers only.
    public const string Activities = """
        SELECT a.member_id, a.id, a.kind_id, a.start_local_ticks, a.moving_time, a.elapsed_time
        FROM participations p
        JOIN activities a ON a.member_id = p.member_id
        WHERE p.challenge_id = @ChallengeId
          AND a.start_local_ticks >= @FromTicks
          AND a.start_local_ticks < @ToTicks
        ORDER BY p.member_id, a.start_local_ticks, a.id
        """;

    public const string Kinds = "SELECT id AS Id, type AS Type, sport_type AS SportType FROM activity_kinds ORDER BY id";

    public const string FrozenWeeks = """
        SELECT f.participation_id, f.week, f.points, f.status, f.streak, f.amount
        FROM frozen_week_results f
        JOIN participations p ON p.id = f.participation_id
        WHERE p.challenge_id = @ChallengeId
        ORDER BY f.participation_id, f.week
        """;

    public const string Jokers = """
        SELECT j.participation_id, j.week
        FROM joker_weeks j
        JOIN participations p ON p.id = j.participation_id
        WHERE p.challenge_id = @ChallengeId
        ORDER BY j.participation_id, j.week
        """;
}
