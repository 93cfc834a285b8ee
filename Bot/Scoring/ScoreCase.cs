using System.Text.Json;

namespace Bot.Scoring;

/// <summary>Reads a <c>score</c> case (SCORING.md's input schema) into a <see cref="SeasonInput"/>.</summary>
public static class ScoreCase
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <exception cref="InvalidInputException">The case is malformed; the message names path and reason.</exception>
    public static SeasonInput Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line
                ? $"line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}"
                : "unknown position";
            throw new InvalidInputException("$", $"not valid JSON at {where}");
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    public static SeasonInput Parse(JsonElement root)
    {
        JsonRead.RequireObject(root, "$");
        var season = (int)JsonRead.WholeNumber(Required(root, "season", "$"), "$.season", SeasonCalendar.MinSeason, SeasonCalendar.MaxSeason);
        var asOfText = JsonRead.Text(Required(root, "as_of", "$"), "$.as_of");
        if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var asOf))
        {
            throw new InvalidInputException("$.as_of", $"expected a date YYYY-MM-DD, found \"{asOfText}\"");
        }

        var rules = root.TryGetProperty("rules", out var rulesElement) ? RulesJson.Parse(rulesElement, "$.rules") : Rules.Default;
        var membersElement = Required(root, "members", "$");
        JsonRead.RequireArray(membersElement, "$.members");
        var kinds = new ActivityKinds();
        var members = new List<MemberInput>(membersElement.GetArrayLength());
        var index = 0;
        foreach (var member in membersElement.EnumerateArray())
        {
            members.Add(ParseMember(member, JsonRead.Item("$.members", index++), kinds));
        }

        return new SeasonInput(season, asOf, rules, kinds, members);
    }

    private static MemberInput ParseMember(JsonElement member, string path, ActivityKinds kinds)
    {
        JsonRead.RequireObject(member, path);
        var id = JsonRead.Text(Required(member, "id", path), JsonRead.Child(path, "id"));
        var name = JsonRead.Text(Required(member, "name", path), JsonRead.Child(path, "name"));

        var jokers = new List<int>();
        if (Optional(member, "joker_weeks") is { } jokerWeeks)
        {
            var at = JsonRead.Child(path, "joker_weeks");
            JsonRead.RequireArray(jokerWeeks, at);
            var i = 0;
            foreach (var week in jokerWeeks.EnumerateArray())
            {
                jokers.Add((int)JsonRead.WholeNumber(week, JsonRead.Item(at, i++), 1, 53));
            }
        }

        var activities = new List<ActivityInput>();
        if (Optional(member, "activities") is { } list)
        {
            var at = JsonRead.Child(path, "activities");
            JsonRead.RequireArray(list, at);
            var i = 0;
            var seen = new Dictionary<long, string>();
            foreach (var activity in list.EnumerateArray())
            {
                var itemPath = JsonRead.Item(at, i++);
                var parsed = ParseActivity(activity, itemPath, kinds);

                // SCORING.md: ids are unique within a member, else the result would depend on the order in the file.
                // The same id in another member is another member's activity and is fine.
                if (!seen.TryAdd(parsed.Id, itemPath))
                {
                    throw new InvalidInputException(JsonRead.Child(itemPath, "id"),
                        $"activity id {parsed.Id} appears twice in member \"{id}\" (first at {seen[parsed.Id]})");
                }

                activities.Add(parsed);
            }
        }

        return new MemberInput(id, name, jokers, activities);
    }

    private static ActivityInput ParseActivity(JsonElement activity, string path, ActivityKinds kinds)
    {
        JsonRead.RequireObject(activity, path);
        var id = JsonRead.WholeNumber(Required(activity, "id", path), JsonRead.Child(path, "id"), long.MinValue, long.MaxValue);
        var startPath = JsonRead.Child(path, "start_date_local");
        var startText = JsonRead.Text(Required(activity, "start_date_local", path), startPath);
        if (!LocalStart.TryParse(startText, out var start))
        {
            throw new InvalidInputException(startPath, $"unparseable date \"{startText}\"");
        }

        var type = Optional(activity, "type") is { } t ? JsonRead.NullableString(t, JsonRead.Child(path, "type")) : null;
        var sportType = Optional(activity, "sport_type") is { } s
            ? JsonRead.NullableString(s, JsonRead.Child(path, "sport_type"))
            : null;
        var moving = Seconds(activity, "moving_time", path);
        var elapsed = decimal.Truncate(Seconds(activity, "elapsed_time", path));
        return new ActivityInput(
            id,
            kinds.Intern(type, sportType),
            start.Ticks,
            moving,
            elapsed >= long.MaxValue ? long.MaxValue : (long)elapsed);
    }

    /// <summary>A duration in seconds: null or absent is 0, a negative one counts as 0.</summary>
    private static decimal Seconds(JsonElement activity, string key, string path)
    {
        if (Optional(activity, key) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        var at = JsonRead.Child(path, key);
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidInputException(at, $"expected a number of seconds, found {JsonRead.Describe(value)}");
        }

        // Beyond decimal's range a duration is simply longer than every threshold.
        var seconds = value.TryGetDecimal(out var exact) ? exact : value.GetDouble() > 0 ? decimal.MaxValue : 0;
        return Math.Max(seconds, 0);
    }

    private static JsonElement Required(JsonElement parent, string key, string path) =>
        parent.TryGetProperty(key, out var value)
            ? value
            : throw new InvalidInputException(JsonRead.Child(path, key), "is required");

    private static JsonElement? Optional(JsonElement parent, string key) =>
        parent.TryGetProperty(key, out var value) ? value : null;
}
