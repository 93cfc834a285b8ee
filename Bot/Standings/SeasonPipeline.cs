using Bot.Configuration;
using Bot.Data.Queries;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Threading;

namespace Bot.Standings;

/// <summary>
/// The one way a season becomes standings: read it from the database (async, on the caller's side), tally it on
/// the CPU threads (<see cref="ICpuWorkQueue"/>), never on the thread pool. Every command, the API, the exports and
/// the background jobs come through here, so "today", the busy answer and the sharing of identical requests are
/// decided once. Outside Scoring, only this class and the <c>score</c> verb call <see cref="SeasonScorer"/>.
/// </summary>
public sealed class SeasonPipeline(StandingsService standings, ICpuWorkQueue cpu, TimeProvider time, ChallengeOptions? options = null)
{
    /// <summary>How long a background job waits before asking the full CPU queue again.</summary>
    public static readonly TimeSpan BusyRetry = TimeSpan.FromMilliseconds(200);

    private readonly TimeZoneInfo _defaultZone = options?.ResolveTimeZone() ?? TimeZoneInfo.Utc;
    private readonly SingleFlight<(long ChallengeId, DateOnly AsOf), SeasonTally?> _seasons = new();

    /// <summary>Seasons being tallied for shared requests right now.</summary>
    public int InFlightCount => _seasons.InFlightCount;

    /// <summary>Today in the challenge's time zone (the default zone when it has none), from the bot's clock.</summary>
    public DateOnly Today(ChallengeRow challenge) => StandingsService.Today(challenge, _defaultZone, time);

    /// <summary>
    /// The whole season as of <paramref name="asOf"/>; concurrent requests for the same season and day share one read
    /// and one tally. The shared flight is not tied to any requester's token, so one who gives up does not cancel the
    /// others. Null when the CPU queue is full.
    /// </summary>
    public Task<SeasonTally?> SeasonAsync(ChallengeRow challenge, DateOnly asOf) =>
        _seasons.GetOrStartAsync((challenge.Id, asOf), () => TallyAsync(challenge, asOf, null, CancellationToken.None)) ?? Task.FromResult<SeasonTally?>(null);

    /// <summary>The season, or only the participants <paramref name="which"/> selects (members score independently); null when the CPU queue is full.</summary>
    public Task<SeasonTally?> TallyAsync(ChallengeRow challenge, DateOnly asOf, Func<SeasonMemberRow, bool>? which, CancellationToken cancellationToken) =>
        ComputeAsync(challenge, asOf, which, static tally => tally, cancellationToken);

    /// <summary>
    /// Like <see cref="TallyAsync"/>, then <paramref name="then"/> over the tally on the same CPU thread (the exports'
    /// documents, a member's credits). Null when the CPU queue is full.
    /// </summary>
    public async Task<T?> ComputeAsync<T>(
        ChallengeRow challenge, DateOnly asOf, Func<SeasonMemberRow, bool>? which, Func<SeasonTally, T> then, CancellationToken cancellationToken)
        where T : class
    {
        var season = Select(await standings.LoadSeasonAsync(challenge, asOf, cancellationToken), which);
        var work = cpu.TryRunAsync(() => then(new SeasonTally(season, SeasonScorer.Score(season.Input))), cancellationToken);
        return work is null ? null : await work;
    }

    /// <summary>One week of the season for every participant; null when the CPU queue is full.</summary>
    public async Task<WeekTally?> WeekAsync(ChallengeRow challenge, DateOnly asOf, int week, CancellationToken cancellationToken)
    {
        var season = await standings.LoadSeasonAsync(challenge, asOf, cancellationToken);
        var work = cpu.TryRunAsync(() => new WeekTally(season, SeasonScorer.ScoreWeek(season.Input, week)), cancellationToken);
        return work is null ? null : await work;
    }

    /// <summary>
    /// For background jobs (a recorded recompute, a departure), which have nobody to answer "busy": the tally as of
    /// today, waiting for room on the CPU queue when it is full.
    /// </summary>
    public async Task<SeasonTally> TallyWhenFreeAsync(ChallengeRow challenge, DateOnly asOf, Func<SeasonMemberRow, bool>? which, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await TallyAsync(challenge, asOf, which, cancellationToken) is { } tally)
            {
                return tally;
            }

            await Task.Delay(BusyRetry, time, cancellationToken);
        }
    }

    /// <summary>A guild's season as of a day (today when null), for the CLI and tests; null when the guild has no such season.</summary>
    public async Task<SeasonStandings?> ScoreAsync(long guildId, int season, DateOnly? asOf, CancellationToken cancellationToken = default) =>
        await standings.FindAsync(guildId, season, cancellationToken) is { } challenge
            ? (await TallyWhenFreeAsync(challenge, asOf ?? Today(challenge), null, cancellationToken)).Standings
            : null;

    private static LoadedSeason Select(LoadedSeason season, Func<SeasonMemberRow, bool>? which)
    {
        if (which is null)
        {
            return season;
        }

        var indexes = Enumerable.Range(0, season.Members.Count).Where(i => which(season.Members[i])).ToList();
        return season with
        {
            Input = season.Input with { Members = [.. indexes.Select(i => season.Input.Members[i])] },
            Members = [.. indexes.Select(i => season.Members[i])],
        };
    }
}
