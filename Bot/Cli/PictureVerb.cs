using System.CommandLine;
using System.Globalization;
using Bot.Configuration;
using Bot.Data;
using Bot.Data.Repositories;
using Bot.Hosting;
using Bot.Pictures;
using Bot.Scoring;
using Bot.Standings;

namespace Bot.Cli;

/// <summary>
/// <c>picture --guild ID --season YEAR [--week N] -o FILE</c>: the <c>/season</c> picture (or a week's bars, as
/// <c>/week</c> posts them) from the database to a PNG file, without Discord. Only reads the database.
/// </summary>
internal static class PictureVerb
{
    public static Command Create()
    {
        var guild = GuildOption.Create();
        var season = SeasonOption.Create();
        var week = new Option<int?>("--week") { Description = "Draw this week's bars (as /week does) instead of the whole season" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The PNG file to write (replaced when it exists)", Required = true };
        var command = new Command("picture", "Draw the season picture (or a week's) from the database to a PNG file, as /season and /week post them")
        {
            guild, season, week, output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new PictureRequest(parseResult.GetValue(guild), parseResult.GetValue(season), parseResult.GetValue(week), parseResult.GetRequiredValue(output).FullName),
            parseResult.InvocationConfiguration.Output,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(PictureRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        if (Directory.Exists(request.Path) || Path.GetDirectoryName(request.Path) is not { } folder || !Directory.Exists(folder))
        {
            throw new UserErrorException($"cannot write '{request.Path}': {(Directory.Exists(request.Path) ? "it is a directory" : "its folder does not exist")}");
        }

        await using var services = CliServices.Create(requireExistingDatabase: true, static services => services.AddPictures());
        // Only reads: a database of an older version is refused rather than migrated.
        await services.GetRequiredService<DatabaseMigrator>().EnsureCurrentAsync(cancellationToken);
        var challenge = await services.GetRequiredService<ChallengeRepository>().GetAsync(request.GuildId, request.Season, cancellationToken)
            ?? throw new UserErrorException($"guild {request.GuildId} has no challenge for season {request.Season}");
        var options = services.GetRequiredService<ChallengeOptions>();
        var pipeline = services.GetRequiredService<SeasonPipeline>();
        var today = pipeline.Today(challenge);
        var calendar = SeasonCalendar.For(request.Season);
        if (request.Week is { } wanted && (wanted < 1 || wanted > calendar.LastReportedWeek(today)))
        {
            throw new UserErrorException(wanted < 1 || wanted > calendar.WeekCount
                ? $"--week {wanted}: season {request.Season} has weeks 1..{calendar.WeekCount}"
                : $"--week {wanted} has not started yet (today, {today:yyyy-MM-dd}, is in week {calendar.InProgressWeek(today)})");
        }

        var tally = await pipeline.TallyWhenFreeAsync(challenge, today, null, cancellationToken);
        var pictures = services.GetRequiredService<PictureService>();
        var rendering = request.Week is { } week
            ? pictures.TryRenderWeekAsync(WeekOf(tally, week, calendar.InProgressWeek(today) == week, options.Currency), cancellationToken)
            : pictures.TryRenderSeasonAsync(PictureModels.Season(tally.Season.Members, tally.Standings, options.Currency), cancellationToken);
        var picture = await (rendering ?? throw new InvalidOperationException("the inline work queue never refuses"));
        Write(request.Path, picture.Png);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"wrote {request.Path} ({picture.Width} x {picture.Height} px, season {request.Season}{(request.Week is { } w ? $" week {w}" : "")} as of {today:yyyy-MM-dd})").AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>The week's results taken from the season's tally: the same computation, stopped at that week.</summary>
    private static WeekPicture WeekOf(SeasonTally tally, int week, bool inProgress, string currency)
    {
        var results = tally.Standings.Members.Select(m => new MemberWeek(m.Id, m.Name, m.Weeks.Where(r => r.Week == week).Select(r => (WeekResult?)r).FirstOrDefault(), m.Error)).ToList();
        return PictureModels.Week(tally.Standings.Season, week, inProgress, tally.Season.Input.Rules.PointsRequired, tally.Season.Members, results, currency);
    }

    /// <summary>Through a temporary file beside the target, so a failed write leaves no partial picture behind.</summary>
    private static void Write(string path, byte[] png)
    {
        var partial = path + ".partial";
        try
        {
            File.WriteAllBytes(partial, png);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            throw new UserErrorException($"cannot write '{path}': {exception.Message}");
        }
    }

    private sealed record PictureRequest(long GuildId, int Season, int? Week, string Path);
}
