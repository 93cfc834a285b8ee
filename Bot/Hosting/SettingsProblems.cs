using Bot.Configuration;
using Bot.Strava;
using Bot.Threading;
using Bot.Web;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>Every settings problem of the built host, one line each, so the bot and <c>check-config</c> report them all at once.</summary>
internal static class SettingsProblems
{
    /// <summary>Every settings problem, one line each, in a stable order; empty when all are valid.</summary>
    public static IReadOnlyList<string> Find(IServiceProvider services)
    {
        var problems = new List<string>();
        var configuration = services.GetRequiredService<IConfiguration>();
        Check<DiscordOptions>(services, configuration, problems);
        Check<StorageOptions>(services, configuration, problems);
        Check<ChallengeOptions>(services, configuration, problems);
        Check<ClockOptions>(services, configuration, problems);
        Check<CpuOptions>(services, configuration, problems);
        Check<StravaOptions>(services, configuration, problems);
        Check<WebOptions>(services, configuration, problems);
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

    /// <summary>All of them at once, as the one exception the bot's start-up and check-config print line by line.</summary>
    public static OptionsValidationException? AsException(IServiceProvider services) =>
        Find(services) is { Count: > 0 } problems ? new OptionsValidationException(Options.DefaultName, typeof(IConfiguration), problems) : null;

    private static void Check<T>(IServiceProvider services, IConfiguration configuration, List<string> problems)
        where T : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            // WebOptions' validation reads StravaOptions: their failures come again through it, and Distinct drops them.
            problems.AddRange(exception.Failures);
        }
        catch (InvalidOperationException exception)
        {
            problems.Add(SettingFormError.Describe(exception, configuration));
        }
    }
}
