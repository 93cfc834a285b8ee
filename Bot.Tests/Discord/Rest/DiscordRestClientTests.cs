using System.Text;
using Bot.Discord.Entities;
using Bot.Discord.Rest;

namespace Bot.Tests.Discord.Rest;

/// <summary>Checks 46–48: 401 is fatal, webhook 404s are final, invalid answers are counted, headers are right.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class DiscordRestClientTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"content":"hi"}""");

    private static RestRoute Channel(ulong id) =>
        DiscordRoutes.Bot(HttpMethod.Post, "/channels/{channel_id}/messages", $"/channels/{id}/messages", $"channel:{id}");

    [Test]
    public async Task SendAsync_401_StopsClientRaisesFatalAndSendsNothingMore()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("POST", "/channels/1/messages", FakeResponse.Error(401, 0, "401: Unauthorized"));
        DiscordFatalErrorEventArgs? fatal = null;
        host.Rest.Fatal += (_, e) => fatal = e;

        var first = await host.Rest.SendAsync(Channel(1), Body);
        var second = await host.Rest.SendAsync(Channel(2), Body);
        var callback = await host.Rest.SendAsync(DiscordRoutes.InteractionCallback(1, "t"), Body);

        Assert.That(first.Result.Kind, Is.EqualTo(DiscordResultKind.Unauthorized));
        Assert.That(second.Result.Kind, Is.EqualTo(DiscordResultKind.ClientStopped));
        Assert.That(callback.Result.Kind, Is.EqualTo(DiscordResultKind.ClientStopped));
        Assert.That(host.Server.Requests, Has.Count.EqualTo(1));
        Assert.That(host.Rest.IsStopped, Is.True);
        Assert.That(fatal?.HttpStatus, Is.EqualTo(401));
        Assert.That(host.Logs.GetSnapshot().Select(l => l.Message), Has.None.Contains(RestTestHost.Token));
    }

    [Test]
    public async Task SendAsync_401OnInteractionWebhook_FailsThatCallButKeepsTheClient()
    {
        // A webhook call carries the interaction token, not the bot token: its 401 says nothing about the bot.
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("PATCH", "/webhooks/7/.*", FakeResponse.Error(401, 50027, "Invalid Webhook Token"));

        var edit = await host.Rest.SendAsync(DiscordRoutes.EditOriginal(7, "expired"), Body);
        var bot = await host.Rest.SendAsync(Channel(1), Body);

        Assert.That(edit.Result.Kind, Is.EqualTo(DiscordResultKind.Unauthorized));
        Assert.That(bot.Result.IsSuccess, Is.True);
        Assert.That(host.Rest.IsStopped, Is.False);
        Assert.That(host.Rest.InvalidRequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task CreateMessageAsync_ChannelMessage_PostsWithBotTokenAndNoMentions()
    {
        await using var host = await RestTestHost.StartAsync();

        var result = await host.Rest.CreateMessageAsync(55, new DiscordMessageBuilder().WithContent("<@1> week 3 is scored"));
        var tooLong = await host.Rest.CreateMessageAsync(55, new DiscordMessageBuilder().AddEmbeds(Enumerable.Repeat(new DiscordEmbedBuilder().WithDescription(new string('a', 4000)).Build(), 2)));

        var request = host.Server.RequestsTo("POST", "/channels/55/messages").Single();
        Assert.That(result.IsSuccess, Is.True);
        Assert.That(tooLong.Kind, Is.EqualTo(DiscordResultKind.InvalidMessage));
        Assert.That(request.Header("Authorization"), Is.EqualTo("Bot " + RestTestHost.Token));
        Assert.That(new Commands.DiscordSchema().Errors("MessageCreateRequest", request.Body), Is.Empty);
        Assert.That(request.Body, Is.EqualTo("""{"content":"\u003C@1\u003E week 3 is scored","allowed_mentions":{"parse":[]}}"""));
    }

    [Test]
    public async Task SendAsync_WebhookAnswers404_NotRetriedNorReused()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("POST", "/webhooks/7/gone", FakeResponse.Error(404, 10015, "Unknown Webhook"));

        var first = await host.Rest.SendAsync(DiscordRoutes.Followup(7, "gone"), Body);
        var second = await host.Rest.SendAsync(DiscordRoutes.Followup(7, "gone"), Body);

        Assert.That(first.Result, Is.EqualTo(new DiscordResult(DiscordResultKind.NotFound, 404, 10015, "Unknown Webhook")));
        Assert.That(second.Result.Kind, Is.EqualTo(DiscordResultKind.NotFound));
        Assert.That(host.Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_StressOf403s_StopsBeforeInvalidRequestBudget()
    {
        // The budget is scaled down (Discord bans at 10,000 per 10 min; the client stops at 9,000).
        await using var host = await RestTestHost.StartAsync(settings: s => s.InvalidRequestBudget = 90);
        host.Server.Script("POST", "/webhooks/7/.*", FakeResponse.Error(403, 50001, "Missing Access"));

        for (var i = 0; i < 300; i++)
        {
            await host.Rest.SendAsync(DiscordRoutes.Followup(7, $"t{i}"), Body);
        }

        Assert.That(host.Server.Requests, Has.Count.EqualTo(90));
        Assert.That(host.Rest.InvalidRequestCount, Is.EqualTo(90));
    }

    [Test]
    public async Task SendAsync_AnyRoute_CarriesUserAgentAuthOnlyOnBotRoutesAndJsonContentType()
    {
        await using var host = await RestTestHost.StartAsync();

        await host.Rest.SendAsync(Channel(1), Body);
        await host.Rest.SendAsync(DiscordRoutes.InteractionCallback(2, "tok"), Body);
        await host.Rest.SendAsync(DiscordRoutes.EditOriginal(3, "tok"), Body);
        await host.Rest.SendAsync(DiscordRoutes.Followup(3, "tok"), Body);

        var requests = host.Server.Requests;
        Assert.That(requests.Select(r => r.Path), Has.None.StartsWith("!"), "every request goes to /api/v10");
        Assert.That(requests.Select(r => r.Header("User-Agent")), Is.All.EqualTo("DiscordBot (https://example.test/bot, 2.5)"));
        Assert.That(requests.Select(r => r.Header("Content-Type")), Is.All.EqualTo("application/json"));
        Assert.That(requests[0].Header("Authorization"), Is.EqualTo("Bot " + RestTestHost.Token));
        Assert.That(requests.Skip(1).Select(r => r.Header("Authorization")), Is.All.Null);
    }
}
