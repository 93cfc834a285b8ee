using Bot.Configuration;
using Bot.Data.Queries;
using Bot.Data.Repositories;
using Bot.Scoring;

namespace Bot.Standings;

/// <summary>A guild's season standings from the database: rules + stored activities + jokers, as of a date.</summary>
/// <param name="options">The default time zone for challenges without their own (UTC when absent).</param>
public sealed class StandingsService(ChallengeRepository challenges, SeasonQueries seasons, ChallengeOptions? options = null)
{
    private readonly TimeZoneInfo _defaultZone = options?.ResolveTimeZone() ?? TimeZoneInfo.Utc;

    // Kinds are few (a few dozen sport types) and interning is append-only, so one table serves every season.
    private readonly ActivityKinds _kinds = new();

    /// <summary>The guild's challenge of <paramref name="season"/>, or null.</summary>
    public Task<ChallengeRow?> FindAsync(long guildId, int season, CancellationToken cancellationToken = default) =>
        challenges.GetAsync(guildId, season, cancellationToken);

    public async Task<SeasonInput> LoadAsync(ChallengeRow challenge, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await LoadSeasonAsync(challenge, asOf, cancellationToken)).Input;

    /// <summary>The scoring input and the participants it was built from (for names, consent, jokers left).</summary>
    public async Task<LoadedSeason> LoadSeasonAsync(ChallengeRow challenge, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var rules = RulesJson.Parse(challenge.RulesJson);
        var (from, to) = SeasonWindow.For(challenge.SeasonYear);
        var data = await seasons.ReadSeasonAsync(challenge.Id, from, to, cancellationToken);
        var zone = Zone(challenge, _defaultZone);
        return new LoadedSeason(SeasonInputMapper.Map(challenge.SeasonYear, asOf, rules, data, _kinds, zone), data.Members, zone);
    }

    public static DateOnly Today(ChallengeRow challenge, TimeZoneInfo defaultZone, TimeProvider time) =>
        ChallengeTimeZone.Today(Zone(challenge, defaultZone), time);

    private static TimeZoneInfo Zone(ChallengeRow challenge, TimeZoneInfo defaultZone) =>
        challenge.TimeZone is { } id && ChallengeTimeZone.TryResolve(id, out var own) ? own : defaultZone;
}
