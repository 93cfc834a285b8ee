using System.Text.Json;

namespace Bot.Data.Legacy;

/// <summary>Typed reads of the old bot's JSON that fail with file, JSON path and problem in one line.</summary>
internal readonly record struct LegacyJson(string File)
{
    public LegacyImportException Error(string path, string problem) => new($"{File}: {path}: {problem}");

    public JsonElement Property(JsonElement parent, string path, string key)
    {
        RequireKind(parent, path, JsonValueKind.Object, "an object");
        return parent.TryGetProperty(key, out var value) ? value : throw Error($"{path}.{key}", "is missing");
    }

    public JsonElement? OptionalProperty(JsonElement parent, string path, string key)
    {
        RequireKind(parent, path, JsonValueKind.Object, "an object");
        return parent.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public void RequireKind(JsonElement element, string path, JsonValueKind kind, string description)
    {
        if (element.ValueKind != kind)
        {
            throw Error(path, $"expected {description}, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    public string Text(JsonElement element, string path)
    {
        RequireKind(element, path, JsonValueKind.String, "a string");
        return element.GetString()!;
    }

    public string? OptionalText(JsonElement parent, string path, string key) =>
        OptionalProperty(parent, path, key) is { } value ? Text(value, $"{path}.{key}") : null;

    public long Whole(JsonElement element, string path, long min = long.MinValue, long max = long.MaxValue)
    {
        RequireKind(element, path, JsonValueKind.Number, "an integer");
        if (!element.TryGetInt64(out var value))
        {
            if (!element.TryGetDecimal(out var number) || decimal.Truncate(number) != number || number < long.MinValue || number > long.MaxValue)
            {
                throw Error(path, $"expected an integer, found {element.GetRawText()}");
            }

            value = (long)number;
        }

        return value < min || value > max ? throw Error(path, $"{value} is outside {min}..{max}") : value;
    }

    /// <summary>A Discord snowflake: digits in a string (the old bot's form) or a number.</summary>
    public long? Snowflake(JsonElement parent, string path, string key)
    {
        if (OptionalProperty(parent, path, key) is not { } value)
        {
            return null;
        }

        var at = $"{path}.{key}";
        if (value.ValueKind == JsonValueKind.Number)
        {
            return Whole(value, at, 1);
        }

        var text = Text(value, at);
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw Error(at, $"expected a Discord user id, found \"{text}\"");
    }
}
