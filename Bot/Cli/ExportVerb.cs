using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bot.Data.Queries;
using Bot.Data.Repositories;
using Bot.Hosting;
using Bot.Standings;

namespace Bot.Cli;

/// <summary><c>export --guild ID --season YEAR [--as-of DATE]</c>: a season as one JSON object, complete but never a token.</summary>
internal static class ExportVerb
{
    public static Command Create()
    {
        var guild = GuildOption.Create();
        var season = SeasonOption.Create();
        var asOf = new Option<string?>("--as-of") { Description = "Standings as of this date (YYYY-MM-DD); default today in the challenge's time zone" };
        // Complete on purpose: the operator's backup and migration tool, run on the host that holds the database
        // anyway. What leaves through Discord (/admin export) is computed results only.
        var command = new Command("export",
            "Write a season (rules, members, every member's activities, standings) as JSON to standard output; never a token. "
            + "Complete on purpose: the operator's backup and migration tool, run on the host that holds the database. "
            + "It holds members' raw Strava data, so keep it like the database; /admin export in Discord carries computed results only")
        {
            guild, season, asOf,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(guild),
            parseResult.GetValue(season),
            parseResult.GetValue(asOf),
            parseResult.InvocationConfiguration.Output,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(long guildId, int season, string? asOfText, TextWriter output, CancellationToken cancellationToken)
    {
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            asOf = DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new UserErrorException($"--as-of expects a date YYYY-MM-DD, not '{asOfText}'");
        }

        await using var services = CliServices.Create(requireExistingDatabase: true);
        // Only reads: a database of an older version is refused rather than migrated.
        await services.GetRequiredService<Data.DatabaseMigrator>().EnsureCurrentAsync(cancellationToken);
        var challenges = services.GetRequiredService<ChallengeRepository>();
        var challenge = await challenges.GetAsync(guildId, season, cancellationToken)
            ?? throw new UserErrorException($"guild {guildId} has no challenge for season {season}");

        var pipeline = services.GetRequiredService<SeasonPipeline>();
        var (loaded, standings) = await pipeline.TallyWhenFreeAsync(challenge, asOf ?? pipeline.Today(challenge), null, cancellationToken);
        var input = loaded.Input;
        var (from, to) = SeasonWindow.For(season);
        var members = await services.GetRequiredService<ExportQueries>().ReadMembersAsync(challenge.Id, from, to, cancellationToken);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            ExportJson.Write(challenge, input.Rules, members, standings, writer);
        }

        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }
}
