using System.Globalization;
using System.Text.Json;

namespace Bot.Scoring;

/// <summary>Writes standings in the <c>score</c> verb's output schema.</summary>
public static class StandingsJson
{
    public static void Write(SeasonStandings standings, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("season", standings.Season);
        writer.WriteString("as_of", standings.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteStartArray("members");
        foreach (var member in standings.Members)
        {
            WriteMember(member, writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string StatusName(WeekStatus status) => status switch
    {
        WeekStatus.Passed => "passed",
        WeekStatus.Failed => "failed",
        WeekStatus.Joker => "joker",
        WeekStatus.InProgress => "in_progress",
        WeekStatus.NoData => "no_data",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>One member: id, name, then either the weeks and the total or the error.</summary>
    public static void WriteMember(MemberStanding member, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", member.Id);
        writer.WriteString("name", member.Name);
        if (member.Error is { } error)
        {
            writer.WriteString("error", error);
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartArray("weeks");
        foreach (var week in member.Weeks)
        {
            writer.WriteStartObject();
            writer.WriteNumber("week", week.Week);
            writer.WriteNumber("points", week.Points);
            writer.WriteString("status", StatusName(week.Status));
            writer.WriteNumber("streak", week.Streak);
            writer.WritePropertyName("amount");
            writer.WriteRawValue(DecimalText.Format(week.Amount));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("total");
        writer.WriteRawValue(DecimalText.Format(member.Total));
        writer.WriteEndObject();
    }
}
