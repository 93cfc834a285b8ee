using System.Text;
using System.Text.Json;
using Bot.Data.Queries;
using Bot.Data.Repositories;
using Bot.Discord.Entities;
using Bot.Scoring;
using Bot.Standings;
using Bot.Threading;

namespace Bot.Commands;

/// <summary>
/// The files of <c>/admin export</c> and <c>/export me</c>. The JSON is the CLI <c>export</c>
/// document (same writer, same keys); scoring and writing run on the CPU queue. Never a token:
/// the export rows carry none.
/// </summary>
public sealed class SeasonExports(StandingsService standings, ExportQueries exports, ICpuWorkQueue cpu)
{
    /// <summary>
    /// The season's ledger for admins: members and weeks as CSV, and the export JSON. Admins see
    /// amounts and what scoring needs of each activity, not its title or route: those go only to
    /// their owner (Strava's terms), so the activities' <c>name</c> and <c>summary_polyline</c> are null.
    /// Null when the CPU queue is full.
    /// </summary>
    public async Task<IReadOnlyList<DiscordAttachment>?> ForAdminsAsync(ChallengeRow challenge, DateOnly today, CancellationToken cancellationToken)
    {
        var season = await standings.LoadSeasonAsync(challenge, today, cancellationToken);
        var members = await ReadMembersAsync(challenge, cancellationToken);
        var withheld = members.Select(m => m with { Activities = [.. m.Activities.Select(a => a with { Name = null, SummaryPolyline = null })] }).ToList();
        var year = challenge.SeasonYear;
        var work = cpu.TryRun(() =>
        {
            var result = SeasonScorer.Score(season.Input);
            return (IReadOnlyList<DiscordAttachment>)
            [
                Csv($"ledger-{year}.csv", LedgerCsv.Members(season.Members, result), $"Season {year}: one line per member with the total"),
                Csv($"weeks-{year}.csv", LedgerCsv.Weeks(result, season.Input.Rules.PointsRequired), $"Season {year}: one line per member and week"),
                Json($"export-{year}.json", challenge, season.Input.Rules, withheld, result),
            ];
        }, cancellationToken);
        return work is null ? null : await work;
    }

    /// <summary>A member's own stored data for the season: their activities in full, weeks and jokers. Null when the CPU queue is full.</summary>
    public async Task<IReadOnlyList<DiscordAttachment>?> ForMemberAsync(ChallengeRow challenge, ParticipantRow me, DateOnly today, CancellationToken cancellationToken)
    {
        var season = await standings.LoadSeasonAsync(challenge, today, cancellationToken);
        var index = season.Members.ToList().FindIndex(m => m.ParticipationId == me.ParticipationId);
        var input = season.Input with { Members = index < 0 ? [] : [season.Input.Members[index]] };
        var mine = (await ReadMembersAsync(challenge, cancellationToken)).Where(m => m.ParticipationId == me.ParticipationId).ToList();
        var year = challenge.SeasonYear;
        var work = cpu.TryRun(() =>
        {
            var result = SeasonScorer.Score(input);
            return (IReadOnlyList<DiscordAttachment>)
            [
                Json($"my-data-{year}.json", challenge, input.Rules, mine, result),
                Csv($"my-weeks-{year}.csv", LedgerCsv.Weeks(result, input.Rules.PointsRequired), $"Season {year}: your weeks"),
            ];
        }, cancellationToken);
        return work is null ? null : await work;
    }

    /// <summary>The export document exactly as the CLI <c>export</c> verb prints it.</summary>
    public static byte[] ExportDocument(ChallengeRow challenge, Rules rules, IReadOnlyList<ExportMember> members, SeasonStandings result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            ExportJson.Write(challenge, rules, members, result, writer);
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    private Task<IReadOnlyList<ExportMember>> ReadMembersAsync(ChallengeRow challenge, CancellationToken cancellationToken)
    {
        var (from, to) = SeasonWindow.For(challenge.SeasonYear);
        return exports.ReadMembersAsync(challenge.Id, from, to, cancellationToken);
    }

    private static DiscordAttachment Csv(string name, string text, string description) =>
        new(name, Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", description);

    private static DiscordAttachment Json(string name, ChallengeRow challenge, Rules rules, IReadOnlyList<ExportMember> members, SeasonStandings result) =>
        new(name, ExportDocument(challenge, rules, members, result), "application/json", $"Season {challenge.SeasonYear}: the export document (as the CLI export verb)");
}
