using Bot.Configuration;
using Bot.Data;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>Runs the bot: settings validated first (one line when wrong), migrations applied, then the host with its web endpoints.</summary>
internal static class BotHost
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        AppConfiguration.LoadDotEnv(Directory.GetCurrentDirectory());
        WebApplication app;
        try
        {
            app = BotApp.Build(args);
        }
        catch (ConfigurationException exception)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.BadInput;
        }
        catch (OptionsValidationException exception)
        {
            // One line per problem, every problem at once, as check-config prints them.
            foreach (var problem in exception.Failures)
            {
                await Console.Error.WriteLineAsync($"error: {problem}");
            }

            return ExitCodes.BadInput;
        }

        await using (app)
        {
            try
            {
                await BotApp.PrepareAsync(app, cancellationToken);
            }
            catch (OptionsValidationException exception)
            {
                // One line per problem, every problem at once, as check-config prints them.
                var problems = SettingsProblems.Find(app.Services);
                foreach (var problem in problems.Count > 0 ? problems : exception.Failures)
                {
                    await Console.Error.WriteLineAsync($"error: {problem}");
                }

                return ExitCodes.BadInput;
            }
            catch (Exception exception) when (exception is DataStoreException or ConfigurationException)
            {
                await Console.Error.WriteLineAsync($"error: {exception.Message}");
                return ExitCodes.BadInput;
            }

            try
            {
                await app.RunAsync(cancellationToken);
            }
            catch (OptionsValidationException exception)
            {
                // Settings validated when the host starts (e.g. CPU_WORKERS) fail the same way: one line.
                await Console.Error.WriteLineAsync($"error: {exception.Failures.First()}");
                return ExitCodes.BadInput;
            }
            catch (IOException exception)
            {
                // Kestrel could not bind (the port is taken, the address is not local).
                await Console.Error.WriteLineAsync($"error: cannot listen on HTTP_URLS: {exception.Message}");
                return ExitCodes.BadInput;
            }
        }

        // A fatal Discord error (bad token, disallowed intents) stops the host and sets a non-zero code.
        return Environment.ExitCode;
    }
}
