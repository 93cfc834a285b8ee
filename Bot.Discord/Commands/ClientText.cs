using System.Globalization;

namespace Bot.Discord.Commands;

/// <summary>
/// One of the client's own lines: a key (<c>unknown_command</c>, <c>failure</c>, <c>option_required</c>, …), its
/// arguments (an option's name, bounds, choices; already text) and the English the library says by default.
/// </summary>
public sealed record ClientText(string Key, string English, IReadOnlyList<string> Arguments)
{
    public static ClientText UnknownCommand { get; } = new("unknown_command", "Unknown command.", []);

    public static ClientText Failure { get; } = new("failure", "Something went wrong.", []);

    internal static ClientText Required(string option) => new("option_required", $"`{option}` is required.", [option]);

    internal static ClientText Channel(string option) => new("option_channel", $"`{option}` must be a channel.", [option]);

    internal static ClientText Choice(string option, IEnumerable<string> choices)
    {
        var list = string.Join(", ", choices);
        return new("option_choice", $"`{option}` must be one of {list}.", [option, list]);
    }

    internal static ClientText Boolean(string option) => new("option_bool", $"`{option}` must be true or false.", [option]);

    internal static ClientText Range(string option, double? min, double? max) => (min, max) switch
    {
        ({ } lo, { } hi) => new("option_between", $"`{option}` must be between {Number(lo)} and {Number(hi)}.", [option, Number(lo), Number(hi)]),
        ({ } lo, null) => new("option_at_least", $"`{option}` must be at least {Number(lo)}.", [option, Number(lo)]),
        (null, { } hi) => new("option_at_most", $"`{option}` must be at most {Number(hi)}.", [option, Number(hi)]),
        _ => new("option_number", $"`{option}` must be a number.", [option]),
    };

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
