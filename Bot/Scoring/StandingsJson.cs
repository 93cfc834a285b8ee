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

    /// <summary>A week's status as the JSON, CSV and API name it; a syncing member's weeks without data are "syncing".</summary>
    public static string StatusName(WeekStatus status, MemberState state) =>
        status == WeekStatus.NoData && state == MemberState.Syncing ? "syncing" : StatusName(status);

    public static string StatusName(WeekStatus status) => status switch
    {
        WeekStatus.Passed => "passed",
        WeekStatus.Failed => "failed",
        WeekStatus.Joker => "joker",
        WeekStatus.InProgress => "in_progress",
        WeekStatus.NoData => "no_data",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status a stored name stands for (frozen weeks are stored by name); false for any other text.</summary>
    public static bool TryParseStatus(string name, out WeekStatus status)
    {
        foreach (var candidate in Enum.GetValues<WeekStatus>())
        {
            if (StatusName(candidate) == name)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static string StateName(MemberState state) => state switch
    {
        MemberState.Active => "active",
        MemberState.Syncing => "syncing",
        MemberState.Left => "left",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>One member: id, name, then either the weeks and the total or the error.</summary>
    public static void WriteMember(MemberStanding member, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", member.Id);
        writer.WriteString("name", member.Name);

        // Only members whose weeks are not computed from their activities say so: score cases never carry the key.
        if (member.State != MemberState.Active)
        {
            writer.WriteString("state", StateName(member.State));
        }

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
            writer.WriteString("status", StatusName(week.Status, member.State));
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
