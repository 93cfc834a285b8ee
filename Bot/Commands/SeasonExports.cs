using System.Text;
using System.Text.Json;
using Bot.Configuration;
using Bot.Data.Queries;
using Bot.Data.Repositories;
using Bot.Discord.Entities;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>
/// The files of <c>/admin export</c> and <c>/export me</c>; scoring and writing run on the CPU queue. An admin
/// is another member, so the admin files carry computed numbers only, and only of members who agreed to
/// channel reports. A member's own files carry their activities in full (the CLI <c>export</c> document
/// with only them). Never a token: the export rows carry none.
/// </summary>
public sealed class SeasonExports(SeasonPipeline pipeline, ExportQueries exports, ChallengeOptions options)
{
    /// <summary>
    /// The season's ledger for admins: members and weeks as CSV and the ledger JSON, each with only the
    /// consenting members (the JSON counts the others and sums the pot over everyone). Null when the CPU
    /// queue is full. The files' descriptions are in <paramref name="language"/>; their contents stay as they are
    /// (English headers and keys), for the programs that read them.
    /// </summary>
    public async Task<AdminExport?> ForAdminsAsync(ChallengeRow challenge, DateOnly today, Language language, CancellationToken cancellationToken)
    {
        var year = challenge.SeasonYear;
        return await pipeline.ComputeAsync(challenge, today, null, tally =>
        {
            var rules = tally.Season.Input.Rules;
            var ledger = SharedStandings.From(tally.Season.Members, tally.Standings);
            return new AdminExport(
            [
                Csv($"ledger-{year}.csv", LedgerCsv.Members(ledger.Members, ledger.Shown), Catalog.Text(language, "admin.export_ledger_csv", year)),
                Csv($"weeks-{year}.csv", LedgerCsv.Weeks(ledger.Shown, rules.PointsRequired), Catalog.Text(language, "admin.export_weeks_csv", year)),
                new DiscordAttachment($"ledger-{year}.json", LedgerDocument(ledger, options.Currency, rules.PointsRequired), "application/json",
                    Catalog.Text(language, "admin.export_ledger_json", year)),
            ], ledger.Hidden);
        }, cancellationToken);
    }

    /// <summary>A member's own stored data for the season: their activities in full, weeks and jokers. Null when the CPU queue is full.</summary>
    public async Task<IReadOnlyList<DiscordAttachment>?> ForMemberAsync(
        ChallengeRow challenge, ParticipantRow me, DateOnly today, Language language, CancellationToken cancellationToken)
    {
        var mine = (await ReadMembersAsync(challenge, cancellationToken)).Where(m => m.ParticipationId == me.ParticipationId).ToList();
        var year = challenge.SeasonYear;
        return await pipeline.ComputeAsync<IReadOnlyList<DiscordAttachment>>(challenge, today, m => m.ParticipationId == me.ParticipationId, tally =>
        {
            var (input, result) = (tally.Season.Input, tally.Standings);
            return
            [
                new DiscordAttachment($"my-data-{year}.json", ExportDocument(challenge, input.Rules, mine, result), "application/json",
                    Catalog.Text(language, "export.my_data_json", year)),
                Csv($"my-weeks-{year}.csv", LedgerCsv.Weeks(result, input.Rules.PointsRequired), Catalog.Text(language, "export.my_weeks_csv", year)),
            ];
        }, cancellationToken);
    }

    /// <summary>The ledger JSON of <c>/admin export</c> (see <see cref="LedgerJson"/>).</summary>
    public static byte[] LedgerDocument(SharedStandings ledger, string currency, decimal pointsRequired) =>
        Document(writer => LedgerJson.Write(ledger, currency, pointsRequired, writer));

    /// <summary>The export document exactly as the CLI <c>export</c> verb prints it.</summary>
    public static byte[] ExportDocument(ChallengeRow challenge, Rules rules, IReadOnlyList<ExportMember> members, SeasonStandings result) =>
        Document(writer => ExportJson.Write(challenge, rules, members, result, writer));

    private static byte[] Document(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
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

}
