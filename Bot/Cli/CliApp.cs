using System.CommandLine;
using Bot.Configuration;
using Bot.Data;
using Bot.Data.Legacy;
using Bot.Hosting;

namespace Bot.Cli;

/// <summary>The command line: no verb runs the bot; verbs score, import, export, back up and draw pictures.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("ChallengeBot: a weekly Strava fitness challenge on Discord. Without a verb it runs the bot.");
        root.Subcommands.Add(ScoreVerb.Create());
        root.Subcommands.Add(ImportLegacyVerb.Create());
        root.Subcommands.Add(ExportVerb.Create());
        root.Subcommands.Add(BackupVerb.Create());
        root.Subcommands.Add(CheckConfigVerb.Create());
        root.Subcommands.Add(PictureVerb.Create());
        root.SetAction((_, cancellationToken) => BotHost.RunAsync(args, cancellationToken));

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            await error.WriteLineAsync($"error: {parseResult.Errors[0].Message} (see --help)");
            return ExitCodes.BadInput;
        }

        try
        {
            // ProcessTerminationTimeout off: System.CommandLine would end the process 2 s after SIGTERM; the
            // host handles SIGTERM itself and needs longer to finish the interactions in flight.
            return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception exception) when (exception is UserErrorException or ConfigurationException or DataStoreException or LegacyImportException)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.BadInput;
        }
    }
}
