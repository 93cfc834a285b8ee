namespace Bot.Data.Queries;

internal static class SeasonSql
{
    public const string Members = """
        SELECT p.id, p.member_id, m.discord_user_id, m.first_name, m.last_name, m.strava_athlete_id,
               p.consent_to_reports, p.jokers_left
        FROM participations p
        JOIN members m ON m.id = p.member_id
        WHERE p.challenge_id = @ChallengeId
        ORDER BY p.id
        """;

    // Walks the (challenge_id, member_id) index of participations in member order and, per member, a range
    // of the covering activities index, which is already in (member_id, start_local_ticks, id) order:
    // no table rows are read and no sort is needed.
    public const string Activities = """
        SELECT a.member_id, a.id, a.type, a.sport_type, a.start_local_ticks, a.moving_time, a.elapsed_time
        FROM participations p
        JOIN activities a ON a.member_id = p.member_id
        WHERE p.challenge_id = @ChallengeId
          AND a.start_local_ticks >= @FromTicks
          AND a.start_local_ticks < @ToTicks
        ORDER BY a.member_id, a.start_local_ticks, a.id
        """;

    public const string Jokers = """
        SELECT j.participation_id, j.week
        FROM joker_weeks j
        JOIN participations p ON p.id = j.participation_id
        WHERE p.challenge_id = @ChallengeId
        ORDER BY j.participation_id, j.week
        """;
}
