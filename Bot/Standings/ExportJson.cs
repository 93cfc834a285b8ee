using System.Globalization;
using System.Text.Json;
using Bot.Data.Queries;
using Bot.Data.Repositories;
using Bot.Scoring;

namespace Bot.Standings;

/// <summary>
/// The export document. Its members use the <c>score</c> case schema (id, name, joker_weeks,
/// activities with Strava's field names) and it carries season, as_of and rules, so
/// <c>score export.json</c> recomputes exactly its <c>standings</c>.
/// </summary>
public static class ExportJson
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    public static void Write(ChallengeRow challenge, Rules rules, IReadOnlyList<ExportMember> members, SeasonStandings standings, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("season", challenge.SeasonYear);
        writer.WriteString("as_of", standings.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("guild", challenge.GuildId.ToString(CultureInfo.InvariantCulture));
        writer.WritePropertyName("rules");
        RulesJson.Write(rules, writer);
        writer.WriteStartArray("members");
        foreach (var member in members)
        {
            WriteMember(member, writer);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("standings");
        StandingsJson.Write(standings, writer);
        writer.WriteEndObject();
    }

    private static void WriteMember(ExportMember member, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", SeasonInputMapper.MemberKey(member.DiscordUserId, member.MemberId));
        writer.WriteString("name", SeasonInputMapper.DisplayName(member.FirstName, member.LastName));
        if (member.DiscordUserId is { } discordId)
        {
            writer.WriteString("discord_user_id", discordId.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull("discord_user_id");
        }

        writer.WriteString("first_name", member.FirstName);
        writer.WriteString("last_name", member.LastName);
        if (member.StravaAthleteId is { } athlete)
        {
            writer.WriteNumber("strava_athlete_id", athlete);
        }
        else
        {
            writer.WriteNull("strava_athlete_id");
        }

        writer.WriteBoolean("consent_to_reports", member.ConsentToReports);
        writer.WriteNumber("jokers_left", member.JokersLeft);
        writer.WriteStartArray("joker_weeks");
        foreach (var week in member.JokerWeeks)
        {
            writer.WriteNumberValue(week);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("legacy_week_results");
        foreach (var result in member.LegacyWeekResults)
        {
            writer.WriteStartObject();
            writer.WriteNumber("week", result.Week);
            writer.WriteString("result", result.Result.ToString().ToLowerInvariant());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("activities");
        foreach (var activity in member.Activities)
        {
            WriteActivity(activity, writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteActivity(ExportActivityRow activity, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", activity.Id);
        writer.WriteString("name", activity.Name);
        writer.WriteString("type", activity.Type);
        writer.WriteString("sport_type", activity.SportType);
        writer.WriteString("start_date", activity.StartUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("start_date_local", activity.StartLocal.ToString(LocalFormat, CultureInfo.InvariantCulture));
        writer.WriteString("timezone", activity.TimeZone);
        writer.WriteNumber("moving_time", activity.MovingTime);
        writer.WriteNumber("elapsed_time", activity.ElapsedTime);
        writer.WriteNumber("distance", activity.Distance);
        writer.WriteNumber("total_elevation_gain", activity.TotalElevationGain);
        writer.WriteString("summary_polyline", activity.SummaryPolyline);
        writer.WriteEndObject();
    }
}
