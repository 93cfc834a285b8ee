namespace Bot.Data.Queries;

public sealed record SeasonMemberRow(
    long ParticipationId,
    long MemberId,
    long? DiscordUserId,
    string FirstName,
    string LastName,
    long? StravaAthleteId,
    bool ConsentToReports,
    int JokersLeft,
    DateTime? NoDataSinceUtc = null);
