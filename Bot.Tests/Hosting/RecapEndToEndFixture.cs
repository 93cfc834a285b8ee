using System.Text.Json;
using Bot.Data;
using Bot.Data.Repositories;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Discord.Guilds;
using Bot.Tests.Discord.Rest;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Hosting;

/// <summary>
/// The world of the weekly recap's end-to-end fixtures: the real bot process, its clock pinned with CLOCK_START_UTC
/// just before (or after) the Monday slot, two servers described by the fake Discord (English), three members of whom
/// two consent to channel reports, and the helpers that set a channel and read what the bot posted. The tests mostly
/// wait for the minute ticker, so they are spread over three fixtures that run side by side.
/// </summary>
public abstract class RecapEndToEndFixture
{
    private protected const long Guild = 7101;
    private protected const long Channel = 8801;
    private protected const long OtherGuild = 7102;
    private protected const long OtherChannel = 8802;
    private protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // Week 49 of 2026 (Nov 30 – Dec 6) closed; its slot is Monday 2026-12-07 08:00 in UTC (the test zone).
    private protected static readonly DateTimeOffset Seeded = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private protected BotWorld World { get; private set; } = null!;

    [SetUp]
    public async Task SeedAsync()
    {
        World = await BotWorld.CreateAsync("recap");
        await WorldBuilder.For(World.Database).At(Seeded).Challenge(Guild, 2026, """{"multiplier_on":false,"start_week":48}""")
            .Member("Anna", 301).Strava(1301).Activity(1, new DateTime(2026, 11, 24, 7, 0, 0)).Activity(2, new DateTime(2026, 11, 25, 7, 0, 0))
                .Activity(3, new DateTime(2026, 11, 26, 7, 0, 0)).Activity(4, new DateTime(2026, 12, 1, 7, 0, 0))
                .Activity(5, new DateTime(2026, 12, 2, 7, 0, 0)).Activity(6, new DateTime(2026, 12, 3, 7, 0, 0))
            .Member("Lukas", 302).Strava(1302).Activity(7, new DateTime(2026, 12, 2, 18, 0, 0))
            .Member("Marie", 303).Strava(1303).NoConsent()
            .SeedAsync();
        await WorldBuilder.For(World.Database).At(Seeded).Challenge(OtherGuild, 2026).SeedAsync();

        // Discord describes each server after READY; a recap waits for that (it speaks the server's language).
        World.Discord.Guilds.Add(Describe(Guild, Channel, "en-US"));
        World.Discord.Guilds.Add(Describe(OtherGuild, OtherChannel, "en-GB"));
    }

    [TearDown]
    public async Task StopAsync() => await World.DisposeAsync();

    private protected async Task SetChannelAsync(long guild, long channel, int minuteOfDay)
    {
        await using var services = new ServiceCollection().AddChallengeData(World.Database).BuildServiceProvider();
        await services.GetRequiredService<ChannelSettingRepository>().SetAsync(guild, channel, minuteOfDay, milestonesOn: false, Seeded.UtcDateTime);
    }

    private protected async Task RestartAtAsync(string clock)
    {
        await World.Bot!.DisposeAsync();
        World.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = clock });
    }

    private protected string? Outcome() => World.Probe.Rows($"SELECT last_post_outcome FROM channel_settings WHERE guild_id = {Guild}").SingleOrDefault();

    private protected List<FakeRestRequest> Posts(long channel) =>
        [.. World.Discord.RestRequests.Where(r => r.Method == "POST" && r.Path == $"/api/v10/channels/{channel}/messages")];

    /// <summary>Waits for the channel's post number <paramref name="index"/>; its first line, its embeds' text and its picture.</summary>
    private protected async Task<(string Heading, string Standings, string? FileName, byte[] Png)> RecapAsync(long channel, int index = 0)
    {
        await Eventually.ThatAsync(() => Posts(channel).Count > index, $"post {index} in channel {channel}", Patience);
        var post = Posts(channel)[index];
        var body = await MultipartBody.ParseAsync(post.Header("Content-Type"), post.BodyBytes);
        using var payload = JsonDocument.Parse(body["payload_json"].Text);
        var standings = string.Concat(payload.RootElement.GetProperty("embeds").EnumerateArray().Select(e => e.GetProperty("description").GetString()));
        var file = body["files[0]"];
        return (payload.RootElement.GetProperty("content").GetString()!, standings, file.FileName, file.Data);
    }

    private protected static string Describe(long guild, long channel, string locale) =>
        FakeGuildJson.GuildCreate(guild, [(guild, FakeGuildJson.ViewSendAttach)], [(channel, [])], [], locale);
}
