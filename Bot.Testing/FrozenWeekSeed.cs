using Bot.Data.Entities;

namespace Bot.Testing;

/// <summary>One closed week of a member who left, as the ledger froze it when they left.</summary>
internal sealed record FrozenWeekSeed(int Week, long Points, string Status, int Streak, decimal Amount)
{
    public FrozenWeekResult Row(long participationId) =>
        new() { ParticipationId = participationId, Week = Week, Points = Points, Status = Status, Streak = Streak, Amount = Amount };
}
