using System.Globalization;
using System.Text.Json;
using Bot.Scoring;

namespace Bot.Standings;

/// <summary>
/// The computed ledger of <c>/admin export</c>: season, as_of, currency, points_required, the shown members
/// in the <c>score</c> output's member schema (id, name, weeks with points, status, streak and amount,
/// total, or an error), how many members are hidden, and the pot. Only numbers the bot computed: never an
/// activity, a sport, a time, a distance, a title, a route or a Strava id.
/// </summary>
public static class LedgerJson
{
    public static void Write(SharedStandings ledger, string currency, decimal pointsRequired, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("season", ledger.Shown.Season);
        writer.WriteString("as_of", ledger.Shown.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("currency", currency);
        writer.WritePropertyName("points_required");
        writer.WriteRawValue(DecimalText.Format(pointsRequired));
        writer.WriteStartArray("members");
        foreach (var member in ledger.Shown.Members)
        {
            StandingsJson.WriteMember(member, writer);
        }

        writer.WriteEndArray();
        writer.WriteNumber("hidden", ledger.Hidden);
        writer.WritePropertyName("pot");
        writer.WriteRawValue(DecimalText.Format(ledger.Pot));
        writer.WriteEndObject();
    }
}
