using Bot.Commands;
using Bot.Configuration;
using Bot.Data;
using Bot.Standings;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>Runs the bot: settings validated first (one line when wrong), migrations applied, then the host.</summary>
internal static class BotHost
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        AppConfiguration.LoadDotEnv(Directory.GetCurrentDirectory());
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddBotSettings(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddChallengeData(AppConfiguration.Bind<StorageOptions>(builder.Configuration).DatabasePath);
        builder.Services.AddSingleton<StandingsService>();
        builder.Services.AddBotDiscord();
        builder.Services.AddBotCommands(builder.Configuration);
        Bot.Strava.StravaServiceCollectionExtensions.AddStrava(builder.Services, builder.Configuration);

        using var host = builder.Build();
        try
        {
            // Resolving the options runs their validation before anything starts.
            _ = host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<ChallengeOptions>>().Value.ResolveTimeZone();
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Failures.First()}");
            return Cli.ExitCodes.BadInput;
        }
        catch (Exception exception) when (exception is DataStoreException or ConfigurationException)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}");
            return Cli.ExitCodes.BadInput;
        }

        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            // Settings validated when the host starts (e.g. CPU_WORKERS) fail the same way: one line.
            await Console.Error.WriteLineAsync($"error: {exception.Failures.First()}");
            return Cli.ExitCodes.BadInput;
        }

        // A fatal Discord error (bad token, disallowed intents) stops the host and sets a non-zero code.
        return Environment.ExitCode;
    }
}
