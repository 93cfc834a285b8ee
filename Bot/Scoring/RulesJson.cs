using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bot.Scoring;

/// <summary>Reads and writes a rules object with the SCORING.md keys; absent keys take the defaults.</summary>
public static class RulesJson
{
    public static Rules Parse(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return Rules.Default;
        }

        JsonRead.RequireObject(element, path);
        var rules = Rules.Default;
        foreach (var property in element.EnumerateObject())
        {
            var at = JsonRead.Child(path, property.Name);
            var value = property.Value;
            rules = property.Name switch
            {
                RuleKeys.StartWeek => rules with { StartWeek = (int)JsonRead.WholeNumber(value, at, 1, 53) },
                RuleKeys.PointsRequired => rules with { PointsRequired = AtLeast(value, at, 1) },
                RuleKeys.PricePerWeek => rules with { PricePerWeek = AtLeast(value, at, 0) },
                RuleKeys.ToleranceMinutes => rules with { ToleranceMinutes = AtLeast(value, at, 0) },
                RuleKeys.WalkLimit => rules with { WalkLimit = Count(value, at) },
                RuleKeys.HitRequired => rules with { HitRequired = Count(value, at) },
                RuleKeys.HitMinMinutes => rules with { HitMinMinutes = AtLeast(value, at, 0) },
                RuleKeys.HitCategories => rules with { HitCategories = Strings(value, at) },
                RuleKeys.MultiDayMinEndMinutes => rules with { MultiDayMinEndMinutes = AtLeast(value, at, 0) },
                RuleKeys.MultiplierOn => rules with { MultiplierOn = JsonRead.Flag(value, at) },
                RuleKeys.Multiplier => rules with { Multiplier = AtLeast(value, at, 1) },
                RuleKeys.MaxWeeklyAmount => rules with
                {
                    MaxWeeklyAmount = value.ValueKind == JsonValueKind.Null ? null : AtLeast(value, at, 0),
                },
                RuleKeys.Jokers => rules with { Jokers = Count(value, at) },
                RuleKeys.SportMinutes => rules with { SportMinutes = Minutes(value, at) },
                _ => throw new InvalidInputException(at, $"unknown rules key \"{property.Name}\"", new InputProblem("unknown_key", property.Name)),
            };
        }

        return rules;
    }

    /// <summary>Parses rules stored as JSON text (for example in the database).</summary>
    public static Rules Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement, "$");
        }
        catch (JsonException exception)
        {
            throw new InvalidInputException("$", $"not valid JSON ({exception.Message.Split('.')[0]})", new InputProblem("invalid_json"));
        }
    }

    /// <summary>The reason rules JSON is invalid, or null when it is valid.</summary>
    public static string? Validate(string json) => Check(json)?.Message;

    /// <summary>Why rules JSON is invalid (where, the English reason, and its code for other languages), or null when it is valid.</summary>
    public static InvalidInputException? Check(string json)
    {
        try
        {
            Parse(json);
            return null;
        }
        catch (InvalidInputException exception)
        {
            return exception;
        }
    }

    public static string Write(Rules rules)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(rules, writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Rules rules, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber(RuleKeys.StartWeek, rules.StartWeek);
        WriteDecimal(writer, RuleKeys.PointsRequired, rules.PointsRequired);
        WriteDecimal(writer, RuleKeys.PricePerWeek, rules.PricePerWeek);
        WriteDecimal(writer, RuleKeys.ToleranceMinutes, rules.ToleranceMinutes);
        writer.WriteNumber(RuleKeys.WalkLimit, rules.WalkLimit);
        writer.WriteNumber(RuleKeys.HitRequired, rules.HitRequired);
        WriteDecimal(writer, RuleKeys.HitMinMinutes, rules.HitMinMinutes);
        writer.WriteStartArray(RuleKeys.HitCategories);
        foreach (var category in rules.HitCategories)
        {
            writer.WriteStringValue(category);
        }

        writer.WriteEndArray();
        WriteDecimal(writer, RuleKeys.MultiDayMinEndMinutes, rules.MultiDayMinEndMinutes);
        writer.WriteBoolean(RuleKeys.MultiplierOn, rules.MultiplierOn);
        WriteDecimal(writer, RuleKeys.Multiplier, rules.Multiplier);
        if (rules.MaxWeeklyAmount is { } cap)
        {
            WriteDecimal(writer, RuleKeys.MaxWeeklyAmount, cap);
        }
        else
        {
            writer.WriteNull(RuleKeys.MaxWeeklyAmount);
        }

        writer.WriteNumber(RuleKeys.Jokers, rules.Jokers);
        writer.WriteStartObject(RuleKeys.SportMinutes);
        foreach (var (name, minutes) in rules.SportMinutes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            WriteDecimal(writer, name, minutes);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteDecimal(Utf8JsonWriter writer, string name, decimal value)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(DecimalText.Format(value));
    }

    private static decimal AtLeast(JsonElement value, string path, decimal minimum)
    {
        var number = JsonRead.Number(value, path);
        if (number < 0)
        {
            throw new InvalidInputException(path, $"must not be negative, found {value.GetRawText()}", new InputProblem("negative"));
        }

        if (number < minimum)
        {
            throw new InvalidInputException(
                path, $"must be at least {minimum.ToString(CultureInfo.InvariantCulture)}, found {value.GetRawText()}", new InputProblem("at_least", minimum.ToString(CultureInfo.InvariantCulture)));
        }

        return number;
    }

    private static int Count(JsonElement value, string path)
    {
        var number = JsonRead.WholeNumber(value, path, long.MinValue, long.MaxValue);
        if (number < 0)
        {
            throw new InvalidInputException(path, $"must not be negative, found {value.GetRawText()}", new InputProblem("negative"));
        }

        return number > int.MaxValue
            ? throw new InvalidInputException(path, $"{value.GetRawText()} is too large", new InputProblem("too_large", value.GetRawText()))
            : (int)number;
    }

    private static string[] Strings(JsonElement value, string path)
    {
        JsonRead.RequireArray(value, path);
        var result = new string[value.GetArrayLength()];
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            result[index] = JsonRead.Text(item, JsonRead.Item(path, index));
            index++;
        }

        return result;
    }

    private static Dictionary<string, decimal> Minutes(JsonElement value, string path)
    {
        JsonRead.RequireObject(value, path);
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            result[property.Name] = AtLeast(property.Value, JsonRead.Child(path, property.Name), 0);
        }

        return result;
    }
}
