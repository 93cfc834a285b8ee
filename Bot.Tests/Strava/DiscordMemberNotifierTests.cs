using System.Text.Json;
using Bot.Strava;
using Bot.Tests.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Strava;

[Category(TestCategories.Integration)]
public sealed class DiscordMemberNotifierTests
{
    [Test]
    public async Task Notify_OpensTheDmChannelThenPostsTheMessageToIt()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("POST", "/users/@me/channels", FakeResponse.Json("""{"id":"555","type":1}"""));
        var notifier = new DiscordMemberNotifier(host.Rest, NullLogger<DiscordMemberNotifier>.Instance);

        await notifier.NotifyAsync(31, "Link Strava again with /strava_auth");

        var open = host.Server.RequestsTo("POST", "/users/@me/channels").Single();
        var message = host.Server.RequestsTo("POST", "/channels/555/messages").Single();
        Assert.Multiple(() =>
        {
            Assert.That(JsonDocument.Parse(open.Body).RootElement.GetProperty("recipient_id").GetString(), Is.EqualTo("31"));
            Assert.That(JsonDocument.Parse(message.Body).RootElement.GetProperty("content").GetString(), Is.EqualTo("Link Strava again with /strava_auth"));
        });
    }

    [Test]
    public async Task Notify_DmChannelRefused_NoMessageAndNoThrow()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("POST", "/users/@me/channels", new FakeResponse(403, """{"code":50007,"message":"Cannot send messages to this user"}"""));
        var notifier = new DiscordMemberNotifier(host.Rest, NullLogger<DiscordMemberNotifier>.Instance);

        await notifier.NotifyAsync(31, "hello");

        Assert.That(host.Server.RequestsTo("POST", "/channels/.*/messages"), Is.Empty);
    }
}
