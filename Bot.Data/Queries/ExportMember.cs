namespace Bot.Data.Queries;

/// <summary>A participant as the export writes it: never a token.</summary>
public sealed record ExportMember(
    long ParticipationId,
    long MemberId,
    long? DiscordUserId,
    string FirstName,
    string LastName,
    long? StravaAthleteId,
    bool ConsentToReports,
    int JokersLeft,
    IReadOnlyList<int> JokerWeeks,
    IReadOnlyList<ExportLegacyWeekRow> LegacyWeekResults,
    IReadOnlyList<ExportActivityRow> Activities);
