using System.CommandLine;
using System.Text.Json;
using Bot.Data.Files;
using Bot.Hosting;
using Bot.Scoring;

namespace Bot.Cli;

/// <summary><c>score CASE.json</c>: the standings of a case file, as JSON on standard output.</summary>
internal static class ScoreVerb
{
    /// <summary>
    /// An export is a valid case, and with its routes a member's season runs to about 1 MiB of it: room for a large
    /// group, while a runaway file is refused before it is read.
    /// </summary>
    public const long MaxCaseBytes = 64 * RegularFile.MiB;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("CASE.json")
        {
            Description = $"A case file in the schema of SCORING.md (a regular file of at most {RegularFile.Size(MaxCaseBytes)})",
        };
        var command = new Command("score", "Compute standings for a case file and print them as JSON") { file };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetRequiredValue(file), parseResult.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(FileInfo file, TextWriter output, CancellationToken cancellationToken)
    {
        var input = ReadCase(file);
        var standings = SeasonScorer.Score(input);
        await output.WriteLineAsync(ToJson(standings).AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }

    public static string ToJson(SeasonStandings standings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            StandingsJson.Write(standings, writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static SeasonInput ReadCase(FileInfo file)
    {
        byte[] bytes;
        try
        {
            bytes = RegularFile.ReadAll(file.FullName, MaxCaseBytes);
        }
        catch (InputFileException exception)
        {
            throw new UserErrorException($"{file.FullName}: cannot read the case file ({exception.Message})");
        }

        try
        {
            return ScoreCase.Parse(bytes);
        }
        catch (InvalidInputException exception)
        {
            throw new UserErrorException($"{file.FullName}: {exception.Message}");
        }
    }
}
