using System.CommandLine;
using System.CommandLine.Parsing;
using Bot.Scoring;

namespace Bot.Cli;

/// <summary>The <c>--season YEAR</c> option: a season year the calendar knows.</summary>
internal static class SeasonOption
{
    public static Option<int> Create() => new("--season")
    {
        Description = "The season year",
        Required = true,
        CustomParser = Parse,
    };

    private static int Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var season)
            && season is >= SeasonCalendar.MinSeason and <= SeasonCalendar.MaxSeason)
        {
            return season;
        }

        result.AddError($"--season {text} is not a season year ({SeasonCalendar.MinSeason}..{SeasonCalendar.MaxSeason})");
        return 0;
    }
}
