namespace Bot.Data.Queries;

/// <summary>What <see cref="WeekStampQuery"/> read: per member id, their activities of the week; the week's jokers; the consents.</summary>
public sealed record WeekStamp(IReadOnlyDictionary<long, MemberWeekStamp> Members, int Jokers, int Consents)
{
    /// <summary>Equal stamps: the same activities, jokers and consents (a record compares the dictionary by reference only).</summary>
    public bool SameAs(WeekStamp? other) =>
        other is not null && Jokers == other.Jokers && Consents == other.Consents && Members.Count == other.Members.Count
        && Members.All(m => other.Members.TryGetValue(m.Key, out var o) && o == m.Value);
}
