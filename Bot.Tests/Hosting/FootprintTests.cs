using System.Globalization;
using Bot.Testing.Generation;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;

namespace Bot.Tests.Hosting;

/// <summary>
/// Issue 13 item 13: the resident memory of the real bot process, connected to the fake Discord, after a /total and a
/// /season (with its picture) for 10 members. A measurement that the README reports; the bound is a generous guard
/// against a regression (Server GC came back, a cache that grows), not a target.
/// </summary>
[Category(TestCategories.Process)]
[NonParallelizable]
public sealed class FootprintTests
{
    private const long Guild = 4545;
    private const int Season = 2026;
    private const int Members = 10;
    private const double GuardMb = 130;

    [Test]
    public async Task ConnectedBot_TotalAndSeasonFor10Members_StaysSmall()
    {
        await using var world = await BotWorld.CreateAsync("footprint");
        await WorldBuilder.For(world.Database).Challenge(Guild, Season).Generated(CompactSeasonGenerator.Generate(Members, Season, weeks: 46, perWeek: 3)).SeedAsync();
        // The IL build, as deployed: the tests' ReadyToRun copy maps bigger images (README, Performance: footprint).
        var bot = world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2026-11-25T12:00:00Z" }, botDll: BotProcess.IlBotDll);
        await Eventually.ThatAsync(() => world.Discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", TimeSpan.FromSeconds(60));
        var commands = new SlashCommands(world.Discord, Guild);

        var total = await commands.InvokeAsync("total", user: 500_000, expectPublic: true);
        var season = await commands.InvokeAsync("season", user: 500_000, expectPublic: true);
        var status = ProcStatus(bot.Process.Id);

        var rssMb = status["VmRSS"] / 1024.0;
        // FOOTPRINT_SMAPS=file keeps the process's memory map for a breakdown by mapping (README, Performance).
        if (Environment.GetEnvironmentVariable("FOOTPRINT_SMAPS") is { Length: > 0 } smaps)
        {
            File.Copy($"/proc/{bot.Process.Id}/smaps", smaps, overwrite: true);
        }
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"after /total and /season for {Members} members: VmRSS {rssMb:F1} MB (peak {status["VmHWM"] / 1024.0:F1} MB; anonymous {status["RssAnon"] / 1024.0:F1} MB, files {status["RssFile"] / 1024.0:F1} MB, shared {status["RssShmem"] / 1024.0:F1} MB), {status["Threads"]} threads"));
        Assert.Multiple(() =>
        {
            Assert.That(total.Public, Is.Not.Empty, "/total answered in public");
            Assert.That(season.Public, Is.Not.Empty, "/season answered in public");
            Assert.That(rssMb, Is.LessThan(GuardMb), "resident memory (README, Performance: about 118 MB measured on 2 cores)");
        });
    }

    /// <summary>The kB figures (and the thread count) of /proc/&lt;pid&gt;/status.</summary>
    private static Dictionary<string, long> ProcStatus(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && long.TryParse(parts[1].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
