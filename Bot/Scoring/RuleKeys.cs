namespace Bot.Scoring;

/// <summary>The JSON keys of a rules object, as SCORING.md names them.</summary>
public static class RuleKeys
{
    public const string StartWeek = "start_week";
    public const string PointsRequired = "points_required";
    public const string PricePerWeek = "price_per_week";
    public const string ToleranceMinutes = "tolerance_minutes";
    public const string WalkLimit = "walk_limit";
    public const string HitRequired = "hit_required";
    public const string HitMinMinutes = "hit_min_minutes";
    public const string HitCategories = "hit_categories";
    public const string MultiDayMinEndMinutes = "multi_day_min_end_minutes";
    public const string MultiplierOn = "multiplier_on";
    public const string Multiplier = "multiplier";
    public const string MaxWeeklyAmount = "max_weekly_amount";
    public const string Jokers = "jokers";
    public const string SportMinutes = "sport_minutes";
}
