namespace Bot.Data.Queries;

internal static class SeasonSql
{
    public const string Members = """
        SELECT p.id, p.member_id, m.discord_user_id, m.first_name, m.last_name, m.strava_athlete_id,
               p.consent_to_reports, p.jokers_left, m.no_data_since_utc
        FROM participations p
        JOIN members m ON m.id = p.member_id
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

    public const string Jokers = """
        SELECT j.participation_id, j.week
        FROM joker_weeks j
        JOIN participations p ON p.id = j.participation_id
        WHERE p.challenge_id = @ChallengeId
        ORDER BY j.participation_id, j.week
        """;
}
