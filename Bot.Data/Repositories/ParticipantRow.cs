namespace Bot.Data.Repositories;

public sealed record ParticipantRow(
    long ParticipationId,
    long ChallengeId,
    long MemberId,
    long? DiscordUserId,
    string FirstName,
    string LastName,
    long? StravaAthleteId,
    bool ConsentToReports,
    int JokersLeft);
