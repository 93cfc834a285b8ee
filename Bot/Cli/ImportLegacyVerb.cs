using System.CommandLine;
using Bot.Data;
using Bot.Data.Files;
using Bot.Data.Legacy;
using Bot.Hosting;
using Bot.Scoring;

namespace Bot.Cli;

/// <summary><c>import-legacy DATA_DIR --guild ID</c>: the Python bot's JSON files, in one transaction.</summary>
internal static class ImportLegacyVerb
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DATA_DIR")
        {
            Description = $"The old bot's data folder (with <year>/athletes.json, a regular file of at most {RegularFile.Size(LegacyReader.MaxAthletesBytes)}, " +
                $"and <year>/global_rules.json, at most {RegularFile.Size(LegacyReader.MaxRulesBytes)})",
        };
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
        // Every file is read and checked before the database is created or migrated: bad input changes nothing.
        var seasons = LegacyReader.Read(directory.FullName, RulesJson.Validate);
        await using var services = CliServices.Create(requireExistingDatabase: false);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var importer = services.GetRequiredService<LegacyImporter>();
        var report = await importer.ImportAsync(seasons, guildId, cancellationToken);
        foreach (var line in report.Lines)
        {
            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        return ExitCodes.Success;
    }
}
