using Bot.Scoring;

namespace Bot.Recaps;

/// <summary>One consenting member's closed week in a recap: computed numbers only.</summary>
public sealed record RecapRow(string Name, WeekResult Result, MemberState State);
