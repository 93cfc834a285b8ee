using System.CommandLine;
using Bot.Configuration;
using Bot.Hosting;
using Bot.Strava;
using Bot.Threading;
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
        var problems = new List<string>();
        WebApplication app;
        try
        {
            app = BotApp.Build([]);
        }
        catch (Exception exception) when (exception is ConfigurationException or OptionsValidationException)
        {
            await error.WriteLineAsync($"error: {(exception is OptionsValidationException invalid ? invalid.Failures.First() : exception.Message)}");
            return ExitCodes.BadInput;
        }

        var warnings = new List<string>();
        await using (app)
        {
            problems.AddRange(Problems(app.Services));
            if (problems.Count == 0)
            {
                warnings.AddRange(WebExposure.Warnings(app.Services.GetRequiredService<IOptions<WebOptions>>().Value));
            }
        }

        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"error: {problem}");
        }

        // Warnings leave the exit code alone: the settings work, but expose more than they may seem to.
        foreach (var warning in warnings)
        {
            await error.WriteLineAsync($"warning: {warning}");
        }

        if (problems.Count > 0)
        {
            return ExitCodes.BadInput;
        }

        await output.WriteLineAsync("ok: the settings are valid (nothing was contacted)");
        return ExitCodes.Success;
    }

    /// <summary>Every settings problem, one line each, in a stable order; empty when all are valid.</summary>
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        var problems = new List<string>();
        Check<DiscordOptions>(services, problems);
        Check<StorageOptions>(services, problems);
        Check<ChallengeOptions>(services, problems);
        Check<ClockOptions>(services, problems);
        Check<CpuOptions>(services, problems);
        Check<WebOptions>(services, problems);
        Check<StravaOptions>(services, problems);
        if (problems.Count == 0)
        {
            try
            {
                services.GetRequiredService<IOptions<ChallengeOptions>>().Value.ResolveTimeZone();
            }
            catch (ConfigurationException exception)
            {
                problems.Add(exception.Message);
            }
        }

        return [.. problems.Distinct(StringComparer.Ordinal)];
    }

    private static void Check<T>(IServiceProvider services, List<string> problems)
        where T : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            problems.AddRange(exception.Failures);
        }
        catch (InvalidOperationException exception)
        {
            problems.Add($"a setting has the wrong form: {exception.InnerException?.Message ?? exception.Message}");
        }
    }
}
