using System.Text.RegularExpressions;

namespace Bot.Configuration;

/// <summary>
/// The configuration binder's conversion failure ("abc is not a valid value for Int32") as one line that names the
/// setting and what it should be: <c>CPU_WORKERS: 'abc' is not a whole number</c>.
/// </summary>
internal static partial class SettingFormError
{
    public static string Describe(InvalidOperationException exception, IConfiguration configuration)
    {
        var match = ConversionFailure().Match(exception.Message);
        if (!match.Success)
        {
            return $"a setting has the wrong form: {exception.InnerException?.Message ?? exception.Message}";
        }

        var key = match.Groups["key"].Value;
        var type = match.Groups["type"].Value;
        var expected = type switch
        {
            _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when type.Contains("System.Int", StringComparison.Ordinal) || type.Contains("System.UInt", StringComparison.Ordinal) => "a whole number",
            _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
            _ => "of the expected form",
        };
        return $"{key}: '{configuration[key]}' is not {expected}";
    }

    /// <summary>The binder's message: "Failed to convert configuration value at 'KEY' to type 'TYPE'."</summary>
    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
