namespace Bot.Scoring;

/// <summary>Rules turned into the numbers the weekly loop compares against (seconds, whole points).</summary>
internal sealed class CompiledRules
{
    private const decimal SecondsPerMinute = 60;

    public CompiledRules(Rules rules, ActivityKinds kinds, int weekCount)
    {
        Rules = rules;
        HitRequired = rules.HitRequired;
        WalkLimit = rules.WalkLimit;
        RequiredPoints = CeilingToLong(rules.PointsRequired);
        MultiDayMinEndMinute = CeilingToLong(rules.MultiDayMinEndMinutes);
        HitLowSeconds = Seconds(rules.HitMinMinutes) ?? decimal.MaxValue;
        HitHighSeconds = Seconds(60 - rules.ToleranceMinutes) ?? decimal.MinValue;
        Amounts = new AmountTable(rules, weekCount);

        var hitCategories = new HashSet<string>(rules.HitCategories, StringComparer.Ordinal);
        Kinds = new KindRule[kinds.Count];
        for (var kind = 0; kind < Kinds.Length; kind++)
        {
            var (type, sportType) = kinds[kind];
            var category = Categories.Of(type, sportType);
            decimal? threshold = sportType is not null && rules.SportMinutes.TryGetValue(sportType, out var bySport)
                ? bySport
                : category is not null && rules.SportMinutes.TryGetValue(category, out var byCategory) ? byCategory : null;
            decimal? minMoving = threshold is { } t ? Seconds(t - rules.ToleranceMinutes) : null;
            Kinds[kind] = new KindRule(
                minMoving is not null,
                minMoving ?? decimal.MaxValue,
                rules.HitRequired > 0 && category is not null && hitCategories.Contains(category),
                category == Categories.Walk);
        }
    }

    public Rules Rules { get; }

    public KindRule[] Kinds { get; }

    public int HitRequired { get; }

    public int WalkLimit { get; }

    /// <summary>points ≥ points_required ⇔ points ≥ this (points are whole numbers).</summary>
    public long RequiredPoints { get; }

    /// <summary>end minute &lt; multi_day_min_end_minutes ⇔ end minute &lt; this.</summary>
    public long MultiDayMinEndMinute { get; }

    /// <summary>A HIT session's moving seconds lie strictly between these.</summary>
    public decimal HitLowSeconds { get; }

    public decimal HitHighSeconds { get; }

    public AmountTable Amounts { get; }

    private static decimal? Seconds(decimal minutes)
    {
        try
        {
            return minutes * SecondsPerMinute;
        }
        catch (OverflowException)
        {
            // Beyond any decimal duration: unreachable thresholds behave as if absent.
            return null;
        }
    }

    private static long CeilingToLong(decimal value)
    {
        var ceiling = decimal.Ceiling(value);
        return ceiling >= long.MaxValue ? long.MaxValue : (long)ceiling;
    }
}
