using Bot.Scoring;

namespace Bot.Pictures;

/// <summary>One member's bar in the week picture; a <see cref="MemberState.Syncing"/> member's week without data reads "syncing".</summary>
public sealed record WeekBar(string Name, long Points, WeekStatus Status, decimal Amount, MemberState State = MemberState.Active);
