namespace Bot.Scoring;

/// <summary>The category of an activity: its legacy type, else one derived from its sport type.</summary>
public static class Categories
{
    public const string Walk = "Walk";

    public static string? Of(string? type, string? sportType)
    {
        if (!string.IsNullOrEmpty(type))
        {
            return type;
        }

        return sportType switch
        {
            null => null,
            "TrailRun" => "Run",
            "MountainBikeRide" or "GravelRide" => "Ride",
            "EMountainBikeRide" => "EBikeRide",
            "HighIntensityIntervalTraining" => "Workout",
            _ => sportType,
        };
    }
}
