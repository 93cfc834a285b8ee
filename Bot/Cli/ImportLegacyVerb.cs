using System.CommandLine;
using Bot.Data;
using Bot.Data.Legacy;
using Bot.Scoring;

namespace Bot.Cli;

/// <summary><c>import-legacy DATA_DIR --guild ID</c>: the Python bot's JSON files, in one transaction.</summary>
internal static class ImportLegacyVerb
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DATA_DIR") { Description = "The old bot's data folder (with <year>/athletes.json and global_rules.json)" };
        var guild = GuildOption.Create();
        var command = new Command("import-legacy", "Import the old bot's seasons into the database (all or nothing; safe to repeat)")
        {
            directory, guild,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(directory),
            parseResult.GetValue(guild),
            parseResult.InvocationConfiguration.Output,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo directory, long guildId, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = CliServices.Create(requireExistingDatabase: false);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var importer = services.GetRequiredService<LegacyImporter>();
        var report = await importer.ImportAsync(directory.FullName, guildId, RulesJson.Validate, cancellationToken);
        foreach (var line in report.Lines)
        {
            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        return ExitCodes.Success;
    }
}
