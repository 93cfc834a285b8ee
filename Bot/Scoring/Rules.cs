using System.Collections.Frozen;

namespace Bot.Scoring;

/// <summary>The rules of one challenge season, with the keys and defaults of SCORING.md.</summary>
public sealed record Rules
{
    public static readonly FrozenDictionary<string, decimal> DefaultSportMinutes = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["Ride"] = 60,
        ["Run"] = 30,
        ["WeightTraining"] = 60,
        ["NordicSki"] = 60,
        ["BackcountrySki"] = 60,
        ["Hike"] = 60,
        ["Walk"] = 60,
        ["Swim"] = 30,
        ["AlpineSki"] = 120,
        ["RockClimbing"] = 60,
        ["Workout"] = 60,
        ["Snowshoe"] = 60,
        ["VirtualRide"] = 60,
        ["Kayaking"] = 60,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly Rules Default = new();

    public int StartWeek { get; init; } = 1;
    public decimal PointsRequired { get; init; } = 3;
    public decimal PricePerWeek { get; init; } = 5;
    public decimal ToleranceMinutes { get; init; } = 3;
    public int WalkLimit { get; init; } = 1;
    public int HitRequired { get; init; } = 2;
    public decimal HitMinMinutes { get; init; } = 15;
    public IReadOnlyList<string> HitCategories { get; init; } = ["Workout", "WeightTraining"];
    public decimal MultiDayMinEndMinutes { get; init; } = 360;
    public bool MultiplierOn { get; init; } = true;
    public decimal Multiplier { get; init; } = 2;
    public decimal? MaxWeeklyAmount { get; init; }
    public int Jokers { get; init; } = 1;
    public IReadOnlyDictionary<string, decimal> SportMinutes { get; init; } = DefaultSportMinutes;
}
