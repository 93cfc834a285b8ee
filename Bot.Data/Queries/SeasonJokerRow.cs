namespace Bot.Data.Queries;

public sealed record SeasonJokerRow(long ParticipationId, int Week);
