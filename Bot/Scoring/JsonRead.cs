using System.Globalization;
using System.Text.Json;

namespace Bot.Scoring;

/// <summary>Typed reads of JSON values that fail with the value's path and a plain reason.</summary>
public static class JsonRead
{
    public static string Child(string path, string key) => $"{path}.{key}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    public static void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException(path, $"expected an object, found {Describe(element)}", new InputProblem("expected_object"));
        }
    }

    public static void RequireArray(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException(path, $"expected an array, found {Describe(element)}", new InputProblem("expected_array"));
        }
    }

    public static string Text(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw new InvalidInputException(path, $"expected a string, found {Describe(element)}", new InputProblem("expected_string"));
        }

        return element.GetString()!;
    }

    public static string? NullableString(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Null ? null : Text(element, path);

    public static bool Flag(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new InvalidInputException(path, $"expected true or false, found {Describe(element)}", new InputProblem("expected_bool")),
    };

    /// <summary>A JSON number read exactly as a decimal (its text, not a double).</summary>
    public static decimal Number(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidInputException(path, $"expected a number, found {Describe(element)}", new InputProblem("expected_number"));
        }

        if (!element.TryGetDecimal(out var value))
        {
            throw new InvalidInputException(path, $"the number {element.GetRawText()} is out of range", new InputProblem("number_out_of_range", element.GetRawText()));
        }

        return value;
    }

    /// <summary>An integer; an integral decimal such as 2.0 is accepted.</summary>
    public static long WholeNumber(JsonElement element, string path, long min, long max)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidInputException(path, $"expected an integer, found {Describe(element)}", new InputProblem("expected_integer"));
        }

        if (!element.TryGetInt64(out var value))
        {
            if (!element.TryGetDecimal(out var asDecimal))
            {
                throw new InvalidInputException(path, $"the number {element.GetRawText()} is out of range", new InputProblem("number_out_of_range", element.GetRawText()));
            }

            if (decimal.Truncate(asDecimal) != asDecimal)
            {
                throw new InvalidInputException(path, $"expected an integer, found the fraction {element.GetRawText()}", new InputProblem("expected_integer"));
            }

            if (asDecimal < long.MinValue || asDecimal > long.MaxValue)
            {
                throw new InvalidInputException(path, $"the number {element.GetRawText()} is out of range", new InputProblem("number_out_of_range", element.GetRawText()));
            }

            value = (long)asDecimal;
        }

        if (value < min || value > max)
        {
            throw new InvalidInputException(path, $"{element.GetRawText()} is outside {min}..{max}", new InputProblem("outside", element.GetRawText(), min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)));
        }

        return value;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Shorten(element.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
