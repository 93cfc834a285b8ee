using System.Text.Json;
using Bot.Discord;
using Bot.Discord.Interactions;
using Bot.Tests.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Discord.Commands;

/// <summary>Check 49: one bulk overwrite on READY, valid against the spec, with ranges, contexts and permissions.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class CommandRegistrationTests
{
    private static async Task<JsonElement> RegisterAsync(InteractionTestHost host, string path)
    {
        host.Post("READY", InteractionJson.Ready());
        var dispatcher = host.Services.GetRequiredService<InteractionDispatcher>();
        var result = await dispatcher.Registration!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(result.IsSuccess, Is.True);
        return JsonDocument.Parse(host.Rest.RequestsTo("PUT", path).Single().Body).RootElement;
    }

    private static JsonElement Command(JsonElement body, string name) => body.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Test]
    public async Task Post_Ready_SendsOneGlobalBulkOverwriteValidAgainstTheSpec()
    {
        await using var host = await InteractionTestHost.StartAsync();

        var body = await RegisterAsync(host, "/applications/777/commands");
        host.Post("READY", InteractionJson.Ready());
        await Task.Delay(200);

        var schema = new DiscordSchema();
        Assert.That(host.Rest.RequestsTo("PUT", ".*"), Has.Count.EqualTo(1));
        Assert.That(host.Rest.RequestsTo("PUT", ".*")[0].Header("Authorization"), Is.EqualTo("Bot " + Rest.RestTestHost.Token));
        Assert.That(body.GetArrayLength(), Is.EqualTo(7));
        foreach (var command in body.EnumerateArray())
        {
            Assert.That(schema.Errors("ApplicationCommandUpdateRequest", command.GetRawText()), Is.Empty, command.GetProperty("name").GetString());
        }
    }

    [Test]
    public async Task Post_Ready_DefinitionsCarryRangesContextsAndPermissions()
    {
        await using var host = await InteractionTestHost.StartAsync();

        var body = await RegisterAsync(host, "/applications/777/commands");

        var week = Command(body, "week");
        var weekOption = week.GetProperty("options")[0];
        Assert.That((weekOption.GetProperty("type").GetInt32(), weekOption.GetProperty("min_value").GetRawText(), weekOption.GetProperty("max_value").GetRawText()), Is.EqualTo((4, "1", "53")));
        Assert.That(weekOption.GetProperty("required").GetBoolean(), Is.True);
        Assert.That(week.GetProperty("options")[1].TryGetProperty("required", out _), Is.False, "year is optional");
        Assert.That(week.GetProperty("contexts").EnumerateArray().Select(c => c.GetInt32()), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(week.GetProperty("integration_types").EnumerateArray().Select(c => c.GetInt32()), Is.EqualTo(new[] { 0 }));
        Assert.That(week.TryGetProperty("default_member_permissions", out _), Is.False);

        var admin = Command(body, "admin");
        Assert.That(admin.GetProperty("default_member_permissions").GetString(), Is.EqualTo("32"));
        Assert.That(admin.GetProperty("contexts").EnumerateArray().Select(c => c.GetInt32()), Is.EqualTo(new[] { 0 }));
        var rules = admin.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "rules");
        Assert.That(rules.GetProperty("type").GetInt32(), Is.EqualTo(2));
        Assert.That(rules.GetProperty("options")[0].GetProperty("name").GetString(), Is.EqualTo("set"));
        Assert.That(rules.GetProperty("options")[0].GetProperty("options")[0].GetProperty("min_value").GetDouble(), Is.EqualTo(0.5));
    }

    [Test]
    public async Task Post_ReadyWithGuildId_OverwritesThatGuildsCommandsOnly()
    {
        await using var host = await InteractionTestHost.StartAsync(options: o => o.GuildId = 42);

        await RegisterAsync(host, "/applications/777/guilds/42/commands");

        Assert.That(host.Rest.RequestsTo("PUT", ".*").Single().Path, Is.EqualTo("/applications/777/guilds/42/commands"));
        Assert.That(host.Services.GetRequiredService<DiscordApplication>().Id, Is.EqualTo(777UL));
    }

    [Test]
    public void DiscordSchema_InvalidCommand_IsRejected()
    {
        var schema = new DiscordSchema();

        var errors = schema.Errors("ApplicationCommandUpdateRequest", """{"name":"this-name-is-far-longer-than-thirty-two-characters","description":"x","type":1}""");

        Assert.That(errors, Is.Not.Empty);
    }
}
