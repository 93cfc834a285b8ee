namespace Bot.Tests.Support;

/// <summary>A season in <see cref="InProcessBot.Guild"/>: Anna (linked, with tokens and a run, consenting) and Marie (not consenting, syncing).</summary>
internal static class WebSeed
{
    public const string AnnaAccessToken = "anna-access-token-SECRET-1";
    public const string AnnaRefreshToken = "anna-refresh-token-SECRET-2";
    public const string AnnaActivityName = "Secret lakeside loop";
    public const long AnnaDiscordId = 301;
    public const long MarieDiscordId = 303;
    public const long UnlinkedDiscordId = 399;

    /// <summary>The season's rules; a fixture that seeds more of the season passes them again.</summary>
    public const string Rules = """{"multiplier_on":false,"jokers":2}""";

    /// <summary>The in-process bot with this season seeded: what a fixture starts once and shares.</summary>
    public static async Task<(InProcessBot Host, long ChallengeId)> StartBotAsync(TimeProvider? time = null)
    {
        var host = await InProcessBot.StartAsync(time);
        return (host, await SeedAsync(host));
    }

    public static async Task<long> SeedAsync(InProcessBot host, int season = 2026)
    {
        var world = await WorldBuilder.For(host.DatabasePath)
            .Challenge(InProcessBot.Guild, season, Rules)
            .Member("Anna", AnnaDiscordId).Strava(134815, AnnaAccessToken, AnnaRefreshToken)
            .Activity(777001, new DateTime(season, 1, 6, 7, 0, 0), movingSeconds: 2400, name: AnnaActivityName, distance: 7123)
            .Member("Marie", MarieDiscordId, lastName: "Private").Strava(134816, "marie-access-token-SECRET-3", "marie-refresh-token-SECRET-4").NoConsent().Syncing()
            .SeedAsync();
        return world.ChallengeId;
    }
}
