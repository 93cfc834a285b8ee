using Bot.Data.Queries;
using Bot.Scoring;

namespace Bot.Standings;

/// <summary>A season ready to score; <see cref="Members"/> are in the same order as the input's members.</summary>
/// <param name="Zone">The challenge's time zone, which dates what happened to members (UTC when null).</param>
public sealed record LoadedSeason(SeasonInput Input, IReadOnlyList<SeasonMemberRow> Members, TimeZoneInfo? Zone = null);
