using System.CommandLine;
using Bot.Configuration;
using Bot.Hosting;
using Bot.Web;
using Microsoft.Extensions.Options;

namespace Bot.Cli;

/// <summary>
/// <c>check-config</c>: validates every setting exactly as the bot does at start-up (appsettings.json,
/// .env, the environment), without connecting to Discord or Strava and without touching the database.
/// Prints every problem, one line each, and exits 2; or one "ok" line and exits 0, after a "warning:" line for each
/// valid setting that exposes more than it may seem to.
/// </summary>
internal static class CheckConfigVerb
{
    public static Command Create()
    {
        var command = new Command("check-config", "Validate the settings without connecting anywhere; one line per problem");
        command.SetAction((parseResult, _) => RunAsync(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static async Task<int> RunAsync(TextWriter output, TextWriter error)
    {
        AppConfiguration.LoadDotEnv(Directory.GetCurrentDirectory());
        List<string> warnings;
        try
        {
            // Building the host checks every setting and throws with all the problems at once.
            await using var app = BotApp.Build([]);
            warnings = [.. WebExposure.Warnings(app.Services.GetRequiredService<IOptions<WebOptions>>().Value)];
        }
        catch (Exception exception) when (exception is ConfigurationException or OptionsValidationException)
        {
            foreach (var problem in exception is OptionsValidationException invalid ? invalid.Failures : [exception.Message])
            {
                await error.WriteLineAsync($"error: {problem}");
            }

            return ExitCodes.BadInput;
        }

        // Warnings leave the exit code alone: the settings work, but expose more than they may seem to.
        foreach (var warning in warnings)
        {
            await error.WriteLineAsync($"warning: {warning}");
        }

        await output.WriteLineAsync("ok: the settings are valid (nothing was contacted)");
        return ExitCodes.Success;
    }
}
