using System.Text.Json;
using Bot.Tests.Support;

namespace Bot.Tests.Discord.Rest;

/// <summary>DiscordRestClient.GetGuildNameAsync: <c>GET /guilds/{guild.id}</c> as the spec names it, with the bot token and the usual 429 handling.</summary>
[Category(TestCategories.Integration)]
public sealed class GuildNameTests
{
    [Test]
    public async Task GetGuildNameAsync_Guild_GetsTheSpecsRouteWithTheBotTokenAndReturnsTheName()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("GET", "/guilds/4343", FakeResponse.Json("""{"id":"4343","name":"Runners <&> \"Riders\""}"""));

        var name = await host.Rest.GetGuildNameAsync(4343);

        var request = host.Server.RequestsTo("GET", "/guilds/4343").Single();
        using var spec = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.DiscordOpenApi));
        var operation = spec.RootElement.GetProperty("paths").GetProperty("/guilds/{guild_id}").GetProperty("get");
        var schemaRef = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        var schema = spec.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schemaRef.Split('/')[^1]);
        Assert.Multiple(() =>
        {
            Assert.That(name, Is.EqualTo("Runners <&> \"Riders\""));
            Assert.That(request.Header("Authorization"), Is.EqualTo($"Bot {RestTestHost.Token}"));
            Assert.That(request.Body, Is.Empty);
            Assert.That(operation.GetProperty("security")[0].TryGetProperty("BotToken", out _), Is.True, "a bot-token route");
            Assert.That(schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()), Does.Contain("name"));
            Assert.That(schema.GetProperty("properties").GetProperty("name").GetProperty("type").GetString(), Is.EqualTo("string"));
        });
    }

    [Test]
    public async Task GetGuildNameAsync_UnknownGuild_NullAndNothingThrown()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("GET", "/guilds/4343", FakeResponse.Error(404, 10004, "Unknown Guild"));

        var name = await host.Rest.GetGuildNameAsync(4343);

        Assert.That(name, Is.Null);
    }

    [Test]
    public async Task GetGuildNameAsync_RateLimitedOnce_RetriesAfterTheNamedWaitAndReturnsTheName()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("GET", "/guilds/4343",
            FakeResponse.Json("""{"message":"You are being rate limited.","retry_after":0.05,"global":false}""", 429, ("X-RateLimit-Bucket", "g"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.05")),
            FakeResponse.Json("""{"id":"4343","name":"Runners"}"""));

        var name = await host.Rest.GetGuildNameAsync(4343);

        Assert.That((name, host.Server.RequestsTo("GET", "/guilds/4343").Count), Is.EqualTo(("Runners", 2)));
    }
}
