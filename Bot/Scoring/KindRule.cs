namespace Bot.Scoring;

/// <summary>What the rules say about one (type, sport type) pair, worked out once per season.</summary>
internal readonly record struct KindRule(bool HasThreshold, decimal MinMovingSeconds, bool HitEligible, bool IsWalk);
