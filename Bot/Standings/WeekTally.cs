using Bot.Scoring;

namespace Bot.Standings;

/// <summary>One week of a season for every participant (same order as <see cref="LoadedSeason.Members"/>).</summary>
public sealed record WeekTally(LoadedSeason Season, IReadOnlyList<MemberWeek> Weeks);
