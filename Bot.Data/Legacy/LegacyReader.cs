using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Data.Files;

namespace Bot.Data.Legacy;

/// <summary>
/// Reads every <c>&lt;year&gt;/athletes.json</c> and <c>global_rules.json</c> below the old bot's data folder,
/// checking everything before anything is written.
/// </summary>
public static partial class LegacyReader
{
    /// <summary>Old rules keys (global_rules.json "constants") → SCORING.md keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> RuleKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CHALLENGE_START_WEEK"] = "start_week",
        ["PRICE_PER_WEEK"] = "price_per_week",
        ["RULES"] = "sport_minutes",
        ["MULTIPLIER"] = "multiplier",
        ["MULTIPLIER_ON"] = "multiplier_on",
        ["POINTS_REQUIRED"] = "points_required",
        ["JOKER"] = "jokers",
        ["SPAZI"] = "tolerance_minutes",
        ["WALKING_LIMIT"] = "walk_limit",
        ["HIT_REQUIRED"] = "hit_required",
        ["HIT_MIN_TIME"] = "hit_min_minutes",
        ["MIN_DURATION_MULTI_DAY"] = "multi_day_min_end_minutes",
    };

    /// <summary>An athlete's frozen constants (athletes.json) → SCORING.md keys, for the differences report.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConstantKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rules"] = "sport_minutes",
        ["points_required"] = "points_required",
        ["price_per_week"] = "price_per_week",
        ["spazi"] = "tolerance_minutes",
        ["walking_limit"] = "walk_limit",
        ["hit_required"] = "hit_required",
        ["hit_min_time"] = "hit_min_minutes",
        ["min_duration_multi_day"] = "multi_day_min_end_minutes",
        ["start_week"] = "start_week",
    };

    /// <summary>The old bot kept each athlete's Strava data in athletes.json; a few MiB for a large group.</summary>
    public const long MaxAthletesBytes = 64 * RegularFile.MiB;

    /// <summary>global_rules.json holds a dozen constants.</summary>
    public const long MaxRulesBytes = 1 * RegularFile.MiB;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static IReadOnlyList<LegacySeason> Read(string dataDirectory, Func<string, string?> validateRulesJson)
    {
        if (!Directory.Exists(dataDirectory))
        {
            throw new LegacyImportException($"{dataDirectory}: no such directory");
        }

        var years = Directory.GetDirectories(dataDirectory)
            .Select(path => (Path: path, Name: Path.GetFileName(path)))
            .Where(folder => YearPattern().IsMatch(folder.Name))
            .OrderBy(folder => folder.Name, StringComparer.Ordinal)
            .ToList();
        if (years.Count == 0)
        {
            throw new LegacyImportException($"{dataDirectory}: no year folders (expected e.g. {Path.Combine(dataDirectory, "2024")} with athletes.json and global_rules.json)");
        }

        var seasons = years.Select(folder => ReadYear(folder.Path, int.Parse(folder.Name, System.Globalization.CultureInfo.InvariantCulture), validateRulesJson)).ToList();
        CheckDiscordIds(seasons);
        return seasons;
    }

    private static void CheckDiscordIds(IReadOnlyList<LegacySeason> seasons)
    {
        var clash = seasons.SelectMany(s => s.Athletes)
            .Where(a => a.DiscordUserId is not null)
            .GroupBy(a => a.DiscordUserId)
            .FirstOrDefault(g => g.Select(a => a.AthleteId).Distinct().Count() > 1);
        if (clash is not null)
        {
            throw new LegacyImportException(
                $"athletes.json: Discord user {clash.Key} is linked to more than one Strava athlete ({string.Join(", ", clash.Select(a => a.AthleteId).Distinct())})");
        }
    }

    private static LegacySeason ReadYear(string folder, int year, Func<string, string?> validateRulesJson)
    {
        var rulesFile = Path.Combine(folder, "global_rules.json");
        var athletesFile = Path.Combine(folder, "athletes.json");
        var (rulesJson, values) = WithDocument(rulesFile, MaxRulesBytes, root => ReadRules(new LegacyJson(rulesFile), root, validateRulesJson));
        var athletes = WithDocument(athletesFile, MaxAthletesBytes, root => ReadAthletes(new LegacyJson(athletesFile), root));
        return new LegacySeason(year, rulesJson, values, athletes);
    }

    private static T WithDocument<T>(string file, long maxBytes, Func<JsonElement, T> read)
    {
        if (!Path.Exists(file))
        {
            throw new LegacyImportException($"{file}: missing (every year folder needs athletes.json and global_rules.json)");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(RegularFile.ReadAll(file, maxBytes), Options);
        }
        catch (JsonException exception)
        {
            throw new LegacyImportException($"{file}: $: not valid JSON at line {(exception.LineNumber ?? 0) + 1}, position {(exception.BytePositionInLine ?? 0) + 1}");
        }
        catch (InputFileException exception)
        {
            throw new LegacyImportException($"{file}: cannot be read ({exception.Message})");
        }

        using (document)
        {
            return read(document.RootElement);
        }
    }

    private static (string Json, IReadOnlyDictionary<string, string> Values) ReadRules(
        LegacyJson json, JsonElement root, Func<string, string?> validateRulesJson)
    {
        var constants = json.Property(root, "$", "constants");
        json.RequireKind(constants, "$.constants", JsonValueKind.Object, "an object");
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in constants.EnumerateObject())
        {
            if (!RuleKeys.TryGetValue(property.Name, out var key))
            {
                throw json.Error($"$.constants.{property.Name}", $"unknown rules key (known: {string.Join(", ", RuleKeys.Keys)})");
            }

            values[key] = property.Value.GetRawText();
        }

        var rulesJson = "{" + string.Join(",", values.Select(pair => $"{JsonSerializer.Serialize(pair.Key)}:{pair.Value}")) + "}";
        if (validateRulesJson(rulesJson) is { } problem)
        {
            // The validator speaks in SCORING.md keys; name the key as the file spells it.
            foreach (var (old, key) in RuleKeys)
            {
                problem = problem.Replace($"$.{key}", $"$.constants.{old}", StringComparison.Ordinal);
            }

            throw new LegacyImportException($"{json.File}: {problem}");
        }

        return (rulesJson, values);
    }

    private static List<LegacyAthlete> ReadAthletes(LegacyJson json, JsonElement root)
    {
        json.RequireKind(root, "$", JsonValueKind.Array, "an array of athletes");
        var athletes = new List<LegacyAthlete>();
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            athletes.Add(ReadAthlete(json, entry, $"$[{index++}]"));
        }

        var duplicate = athletes.GroupBy(a => a.AthleteId).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? athletes
            : throw json.Error("$", $"athlete {duplicate.Key} appears {duplicate.Count()} times");
    }

    private static LegacyAthlete ReadAthlete(LegacyJson json, JsonElement entry, string path)
    {
        var strava = json.Property(entry, path, "strava_data");
        var stravaPath = $"{path}.strava_data";
        var athlete = json.Property(strava, stravaPath, "athlete");
        var athletePath = $"{stravaPath}.athlete";
        var id = json.Whole(json.Property(athlete, athletePath, "id"), $"{athletePath}.id", 1);
        DateTime? expires = json.OptionalProperty(strava, stravaPath, "expires_at") is { } e
            ? DateTimeOffset.FromUnixTimeSeconds(json.Whole(e, $"{stravaPath}.expires_at", 0, 253_402_300_799)).UtcDateTime
            : null;

        var constants = json.OptionalProperty(entry, path, "constants");
        if (constants is { } c)
        {
            json.RequireKind(c, $"{path}.constants", JsonValueKind.Object, "an object");
        }

        var vars = json.Property(entry, path, "vars");
        var varsPath = $"{path}.vars";
        var jokersLeft = json.OptionalProperty(vars, varsPath, "joker") is { } j ? (int)json.Whole(j, $"{varsPath}.joker", 0, 53) : 0;
        var jokerWeeks = new List<int>();
        if (json.OptionalProperty(vars, varsPath, "joker_weeks") is { } weeks)
        {
            json.RequireKind(weeks, $"{varsPath}.joker_weeks", JsonValueKind.Array, "an array");
            var i = 0;
            foreach (var week in weeks.EnumerateArray())
            {
                jokerWeeks.Add((int)json.Whole(week, $"{varsPath}.joker_weeks[{i++}]", 1, 53));
            }
        }

        var results = new List<LegacyWeek>();
        if (json.OptionalProperty(vars, varsPath, "week_results") is { } list)
        {
            json.RequireKind(list, $"{varsPath}.week_results", JsonValueKind.Array, "an array");
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var at = $"{varsPath}.week_results[{i++}]";
                var text = json.Text(item, at);
                var match = WeekResultPattern().Match(text);
                if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var week) ||
                    week is < 1 or > 53)
                {
                    throw json.Error(at, $"expected \"WEEK_RESULT\" with week 1..53 and result 0, 1 or 2, found \"{text}\"");
                }

                results.Add(new LegacyWeek(week, match.Groups[2].ValueSpan[0] - '0'));
            }
        }

        return new LegacyAthlete(
            id,
            json.OptionalText(athlete, athletePath, "firstname") ?? "",
            json.OptionalText(athlete, athletePath, "lastname") ?? "",
            json.OptionalText(athlete, athletePath, "profile_medium"),
            json.OptionalText(strava, stravaPath, "access_token"),
            json.OptionalText(strava, stravaPath, "refresh_token"),
            expires,
            json.Snowflake(entry, path, "discord_user_id"),
            constants?.GetRawText(),
            jokersLeft,
            jokerWeeks,
            results);
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex("^([0-9]{1,2})_([012])$")]
    private static partial Regex WeekResultPattern();
}
