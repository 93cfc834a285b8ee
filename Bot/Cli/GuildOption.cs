using System.CommandLine;
using System.CommandLine.Parsing;

namespace Bot.Cli;

/// <summary>The <c>--guild GUILD_ID</c> option: a Discord snowflake.</summary>
internal static class GuildOption
{
    public static Option<long> Create() => new("--guild")
    {
        Description = "The Discord guild (server) id",
        Required = true,
        CustomParser = Parse,
    };

    private static long Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        result.AddError($"--guild expects a Discord guild id (digits), not '{text}'");
        return 0;
    }
}
