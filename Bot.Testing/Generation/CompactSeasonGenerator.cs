using System.Globalization;

namespace Bot.Testing.Generation;

/// <summary>
/// A compact, deterministic season for the load tests: about <c>perWeek</c> runs (one in five a ride) for every member
/// in each of the first <c>weeks</c> weeks, 0 to 2·perWeek in a given week, so some weeks pass and some fail.
/// Discord user ids count up from <c>firstDiscordId</c>.
/// </summary>
internal static class CompactSeasonGenerator
{
    private const int Seed = 20_261_201;
    private const long FirstActivityId = 70_000_000_000;

    public static GeneratedSeason Generate(int memberCount, int season, int weeks, int perWeek, long firstDiscordId = 500_000)
    {
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(season, 1, DayOfWeek.Monday));
        var random = new Random(Seed);
        var id = FirstActivityId;
        var members = new GeneratedMember[memberCount];
        for (var i = 0; i < memberCount; i++)
        {
            var activities = new List<GeneratedActivity>();
            for (var week = 0; week < weeks; week++)
            {
                var count = random.Next(0, (2 * perWeek) + 1);
                for (var n = 0; n < count; n++)
                {
                    var start = monday.AddDays((week * 7) + random.Next(7)).ToDateTime(new TimeOnly(6 + random.Next(14), random.Next(60)));
                    var moving = 600 + random.Next(3600);
                    var sport = n % 5 == 4 ? "Ride" : "Run";
                    activities.Add(new GeneratedActivity(id++, sport, sport, start, moving, moving + 60));
                }
            }

            activities.Sort(static (left, right) => left.StartLocal != right.StartLocal ? left.StartLocal.CompareTo(right.StartLocal) : left.Id.CompareTo(right.Id));
            var discordId = (firstDiscordId + i).ToString(CultureInfo.InvariantCulture);
            members[i] = new GeneratedMember(discordId, string.Create(CultureInfo.InvariantCulture, $"Member{i:0000} Load"), [], [.. activities]);
        }

        var asOf = monday.AddDays(weeks * 7);
        return new GeneratedSeason(season, asOf, members, SeasonGenerator.ToInput(season, asOf, members));
    }
}
