using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Bot.Data.Queries;
using Bot.Pictures;
using Bot.Scoring;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Benchmarks.Pictures;

/// <summary>
/// The pictures as /season and /week draw them: 50 consenting members × the 53 weeks of season 2026,
/// every week reported (passed, failed with amounts from 5 to 25, jokers), rendered and PNG-encoded.
/// Target: under 200 ms for the season picture.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PictureBenchmarks
{
    private const int Members = 50;
    private PictureFonts _fonts = null!;
    private SeasonPictureRenderer _season = null!;
    private WeekPictureRenderer _week = null!;
    private SeasonPicture _seasonPicture = null!;
    private WeekPicture _weekPicture = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fonts = PictureFonts.Load(NullLogger.Instance);
        if (!_fonts.HasText)
        {
            throw new InvalidOperationException("no font: install fonts-dejavu-core, or the figure would leave text out");
        }

        _season = new SeasonPictureRenderer(_fonts);
        _week = new WeekPictureRenderer(_fonts);
        var calendar = SeasonCalendar.For(2026);
        var random = new Random(2026);
        var standings = new List<MemberStanding>();
        var rows = new List<SeasonMemberRow>();
        for (var m = 0; m < Members; m++)
        {
            var weeks = new List<WeekResult>();
            for (var w = 1; w <= calendar.WeekCount; w++)
            {
                var roll = random.Next(10);
                var status = roll < 6 ? WeekStatus.Passed : roll < 9 ? WeekStatus.Failed : WeekStatus.Joker;
                weeks.Add(new WeekResult(w, random.Next(12), status, 0, status == WeekStatus.Failed ? 5 * random.Next(1, 6) : 0));
            }

            standings.Add(new MemberStanding($"{m}", $"Member number {m + 1} Lastname", weeks, weeks.Sum(x => x.Amount), null));
            rows.Add(new SeasonMemberRow(m, m, m, "Member", $"{m}", null, true, 1));
        }

        var season = new SeasonStandings(2026, new DateOnly(2027, 1, 10), standings);
        _seasonPicture = PictureModels.Season(rows, season, "€");
        var week = standings.Select(s => new MemberWeek(s.Id, s.Name, s.Weeks[20], null)).ToList();
        _weekPicture = PictureModels.Week(2026, 21, inProgress: false, 10, rows, week, "€");
        if (_seasonPicture.Rows.Count != Members || _seasonPicture.WeekCount != 53)
        {
            throw new InvalidOperationException("the benchmark season is not 50 × 53");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _fonts.Dispose();

    [Benchmark(Baseline = true)]
    public RenderedPicture Season50x53() => _season.Render(_seasonPicture);

    [Benchmark]
    public RenderedPicture Week50Bars() => _week.Render(_weekPicture);
}
