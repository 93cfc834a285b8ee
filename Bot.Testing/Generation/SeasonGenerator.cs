using System.Globalization;
using Bot.Scoring;

namespace Bot.Testing.Generation;

/// <summary>
/// A deterministic synthetic season: the same seed gives the same members, activities and jokers.
/// Each member logs exactly <see cref="ActivitiesPerMember"/> activities (about 8 a week), spread
/// unevenly over the weeks so that some weeks pass, some fail and streaks form.
/// </summary>
internal sealed class SeasonGenerator(int seed)
{
    public const int Members = 1_000;
    public const int WeeksPerSeason = 52;
    public const int ActivitiesPerMember = WeeksPerSeason * 8;
    public const int SeasonActivities = Members * ActivitiesPerMember;
    public const int DefaultSeed = 20_231_231;

    /// <summary>ISO year 2023 has 52 weeks; by 2024-01-15 all of them are complete.</summary>
    public static readonly DateOnly DefaultAsOf = new(2024, 1, 15);

    public const int DefaultSeason = 2023;

    private const double VacationWeekShare = 0.1;
    private const double UntypedShare = 0.25;
    private const double SameStartShare = 0.01;
    private const double MultiDayShare = 0.004;
    private const long FirstActivityId = 9_000_000_000;
    private const long FirstDiscordId = 100_000_000_000_000_000;

    private readonly Random _random = new(seed);
    private long _nextActivityId = FirstActivityId;

    public static GeneratedSeason Default() => new SeasonGenerator(DefaultSeed).Generate(Members, DefaultSeason, DefaultAsOf);

    public GeneratedSeason Generate(int memberCount, int season, DateOnly asOf)
    {
        var calendar = SeasonCalendar.For(season);
        var members = new GeneratedMember[memberCount];
        for (var i = 0; i < memberCount; i++)
        {
            members[i] = Member(i, calendar);
        }

        return new GeneratedSeason(season, asOf, members, ToInput(season, asOf, members));
    }

    /// <summary>Maps Strava-shaped activities to scoring's input, as the /total path does.</summary>
    public static SeasonInput ToInput(int season, DateOnly asOf, IReadOnlyList<GeneratedMember> members)
    {
        var kinds = new ActivityKinds();
        var inputs = new MemberInput[members.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var member = members[i];
            var activities = new ActivityInput[member.Activities.Length];
            for (var j = 0; j < activities.Length; j++)
            {
                var activity = member.Activities[j];
                activities[j] = new ActivityInput(
                    activity.Id,
                    kinds.Intern(activity.Type, activity.SportType),
                    activity.StartLocal.Ticks,
                    activity.MovingSeconds,
                    activity.ElapsedSeconds);
            }

            inputs[i] = new MemberInput(member.Id, member.Name, member.JokerWeeks, activities);
        }

        return new SeasonInput(season, asOf, Rules.Default, kinds, inputs);
    }

    private GeneratedMember Member(int index, SeasonCalendar calendar)
    {
        var cumulative = WeekWeights(calendar.WeekCount);
        var activities = new GeneratedActivity[ActivitiesPerMember];
        for (var i = 0; i < activities.Length; i++)
        {
            var week = PickWeek(cumulative);
            var previous = i > 0 ? activities[i - 1] : (GeneratedActivity?)null;
            var start = previous is { } twin && _random.NextDouble() < SameStartShare
                ? twin.StartLocal
                : Start(calendar, week);
            activities[i] = Activity(start);
        }

        Array.Sort(activities, static (left, right) =>
        {
            var byStart = left.StartLocal.CompareTo(right.StartLocal);
            return byStart != 0 ? byStart : left.Id.CompareTo(right.Id);
        });

        var id = (FirstDiscordId + index).ToString(CultureInfo.InvariantCulture);
        var name = string.Create(CultureInfo.InvariantCulture, $"Member {index + 1:D4}");
        return new GeneratedMember(id, name, JokerWeeks(calendar.WeekCount), activities);
    }

    /// <summary>Running sums of per-week activity weights; a vacation week weighs nothing.</summary>
    private double[] WeekWeights(int weekCount)
    {
        var cumulative = new double[weekCount];
        var sum = 0.0;
        for (var week = 0; week < weekCount; week++)
        {
            sum += _random.NextDouble() < VacationWeekShare ? 0 : 0.3 + (1.4 * _random.NextDouble());
            cumulative[week] = sum;
        }

        return cumulative;
    }

    private int PickWeek(double[] cumulative)
    {
        var ticket = _random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, ticket);
        var week = index >= 0 ? index + 1 : ~index;
        return Math.Min(week, cumulative.Length - 1) + 1;
    }

    private DateTime Start(SeasonCalendar calendar, int week)
    {
        var day = calendar.Monday(week).AddDays(_random.Next(7));
        var second = _random.Next(5 * 3600, 22 * 3600);
        return day.ToDateTime(TimeOnly.MinValue).AddSeconds(second);
    }

    private GeneratedActivity Activity(DateTime start)
    {
        var sport = SportMix.Pick(_random);
        var moving = _random.Next(sport.MinMinutes * 60, (sport.MaxMinutes * 60) + 1);
        var elapsed = moving + _random.Next((moving / 5) + 1);
        if (_random.NextDouble() < MultiDayShare)
        {
            // A hut trip or a bikepacking weekend: ends one to three days later, at any hour.
            elapsed = (int)(start.AddDays(1 + _random.Next(3)).Date.AddSeconds(_random.Next(86_400)) - start).TotalSeconds;
        }

        var type = _random.NextDouble() < UntypedShare ? null : sport.Type;
        _nextActivityId += 1 + _random.Next(1_000);
        return new GeneratedActivity(_nextActivityId, type, sport.SportType, start, moving, elapsed);
    }

    private int[] JokerWeeks(int weekCount)
    {
        var draw = _random.NextDouble();
        var first = 1 + _random.Next(weekCount);
        return draw switch
        {
            < 0.35 => [],
            < 0.95 => [first],
            // Legacy imports may carry more joker weeks than the rules allow; scoring honours all.
            _ => [first, 1 + ((first + _random.Next(weekCount - 1)) % weekCount)],
        };
    }
}
