namespace Bot.Scoring;

public sealed record SeasonStandings(int Season, DateOnly AsOf, IReadOnlyList<MemberStanding> Members);
