namespace Bot.Data.Queries;

/// <param name="Syncing">
/// The member's first back-fill has not completed (a sync record without a finished back-fill, or no sync record
/// and no stored activity at all): the bot has no data for any of their weeks yet.
/// </param>
/// <param name="LastSyncUtc">When their activities were last synced with Strava; null when never.</param>
/// <param name="LeftAtUtc">When they left (/unlink or deauthorization); null while they take part.</param>
/// <param name="Frozen">This season's weeks are frozen results (<see cref="SeasonData.FrozenWeeks"/>), not recomputed.</param>
public sealed record SeasonMemberRow(
    long ParticipationId,
    long MemberId,
    long? DiscordUserId,
    string FirstName,
    string LastName,
    long? StravaAthleteId,
    bool ConsentToReports,
    int JokersLeft,
    DateTime? NoDataSinceUtc = null,
    bool Syncing = false,
    DateTime? LastSyncUtc = null,
    DateTime? LeftAtUtc = null,
    bool Frozen = false);
