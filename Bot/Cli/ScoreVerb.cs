using System.CommandLine;
using System.Text.Json;
using Bot.Scoring;

namespace Bot.Cli;

/// <summary><c>score CASE.json</c>: the standings of a case file, as JSON on standard output.</summary>
internal static class ScoreVerb
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("CASE.json") { Description = "A case file in the schema of SCORING.md" };
        var command = new Command("score", "Compute standings for a case file and print them as JSON") { file };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetRequiredValue(file), parseResult.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(FileInfo file, TextWriter output, CancellationToken cancellationToken)
    {
        var input = await ReadCaseAsync(file, cancellationToken);
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

    private static async Task<SeasonInput> ReadCaseAsync(FileInfo file, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"{file.FullName}: cannot read the case file ({Plain(exception)})");
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

    private static string Plain(Exception exception) => exception switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        _ => exception.Message,
    };
}
