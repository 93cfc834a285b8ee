using Bot.Data.Entities;

namespace Bot.Data.Queries;

public sealed record ExportLegacyWeekRow(int Week, LegacyWeekOutcome Result);
