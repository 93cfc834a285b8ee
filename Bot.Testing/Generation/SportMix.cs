namespace Bot.Testing.Generation;

/// <summary>
/// The kinds of activity a group like ours logs, how often, and how long they usually last.
/// Durations straddle the default thresholds (Run 30, Ride 60, Walk 60, …) and the HIT window.
/// </summary>
internal static class SportMix
{
    /// <summary>(legacy type, sport type, relative weight, typical moving minutes low..high).</summary>
    public static readonly IReadOnlyList<Sport> Sports =
    [
        new("Run", "Run", 20, 15, 70),
        new("Run", "TrailRun", 5, 20, 120),
        new("Run", "VirtualRun", 2, 15, 50),
        new("Ride", "Ride", 12, 25, 180),
        new("Ride", "MountainBikeRide", 3, 40, 200),
        new("Ride", "GravelRide", 2, 40, 200),
        new("VirtualRide", "VirtualRide", 5, 20, 90),
        new("EBikeRide", "EBikeRide", 1, 20, 120),
        new("Walk", "Walk", 16, 10, 100),
        new("Hike", "Hike", 5, 40, 300),
        new("Workout", "Workout", 8, 10, 75),
        new("Workout", "HighIntensityIntervalTraining", 3, 10, 45),
        new("WeightTraining", "WeightTraining", 10, 15, 80),
        new("Swim", "Swim", 4, 15, 60),
        new("Yoga", "Yoga", 4, 15, 75),
        new("AlpineSki", "AlpineSki", 1, 60, 300),
        new("NordicSki", "NordicSki", 1, 30, 150),
        new("RockClimbing", "RockClimbing", 1, 40, 180),
        new("Kayaking", "Kayaking", 1, 30, 150),
    ];

    public static readonly int TotalWeight = Sports.Sum(sport => sport.Weight);

    public static Sport Pick(Random random)
    {
        var ticket = random.Next(TotalWeight);
        foreach (var sport in Sports)
        {
            ticket -= sport.Weight;
            if (ticket < 0)
            {
                return sport;
            }
        }

        return Sports[^1];
    }

    internal sealed record Sport(string Type, string SportType, int Weight, int MinMinutes, int MaxMinutes);
}
