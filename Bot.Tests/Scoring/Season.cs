using System.Globalization;
using Bot.Scoring;

namespace Bot.Tests.Scoring;

/// <summary>Builds small seasons for rule tests: one member, activities by wall-clock text.</summary>
internal sealed class Season(int year = 2024, string asOf = "2024-12-31", Rules? rules = null)
{
    private readonly ActivityKinds _kinds = new();
    private readonly List<ActivityInput> _activities = [];
    private readonly List<int> _jokers = [];
    private long _nextId = 1;

    public Rules Rules { get; init; } = rules ?? Rules.Default;

    public Season Add(string? type, string? sportType, string start, decimal movingMinutes, decimal? elapsedMinutes = null, long? id = null)
    {
        if (!LocalStart.TryParse(start, out var wallClock))
        {
            throw new ArgumentException($"bad start {start}", nameof(start));
        }

        var moving = movingMinutes * 60;
        _activities.Add(new ActivityInput(
            id ?? _nextId++,
            _kinds.Intern(type, sportType),
            wallClock.Ticks,
            moving,
            (long)((elapsedMinutes ?? movingMinutes) * 60)));
        return this;
    }

    public Season Run(string start, decimal minutes) => Add("Run", "Run", start, minutes);

    /// <summary>The member's data is missing from this week on (their Strava link broke).</summary>
    public int? NoDataFrom { get; set; }

    /// <summary>Syncing: no week has data yet.</summary>
    public MemberState State { get; set; }

    /// <summary>The member left: these are their weeks.</summary>
    public IReadOnlyList<WeekResult>? FrozenWeeks { get; set; }

    public Season Joker(int week)
    {
        _jokers.Add(week);
        return this;
    }

    public SeasonInput Input(IReadOnlyList<ActivityInput>? activities = null) => new(
        year,
        DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Rules,
        _kinds,
        [new MemberInput("1", "Test Member", _jokers, activities ?? _activities, NoDataFrom, State, FrozenWeeks)]);

    public MemberStanding Score() => SeasonScorer.Score(Input()).Members[0];

    public long Points(int week) => Score().Weeks.Single(w => w.Week == week).Points;
}
