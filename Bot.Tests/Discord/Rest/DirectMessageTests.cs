using Bot.Discord.Entities;
using Bot.Tests.Discord.Commands;

namespace Bot.Tests.Discord.Rest;

/// <summary>DiscordRestClient.SendDirectMessageAsync: open the DM channel (body valid per the spec), then post to it.</summary>
[Category(TestCategories.Integration)]
public sealed class DirectMessageTests
{
    [Test]
    public async Task SendDirectMessageAsync_OpensChannelThenPostsToIt()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("POST", "/users/@me/channels", FakeResponse.Json("""{"id":"9876","type":1}"""));
        host.Server.Script("POST", "/channels/9876/messages", FakeResponse.Json("""{"id":"1","channel_id":"9876"}"""));

        var result = await host.Rest.SendDirectMessageAsync(301, new DiscordMessageBuilder().WithContent("linked"));

        var open = host.Server.RequestsTo("POST", "/users/@me/channels").Single();
        var post = host.Server.RequestsTo("POST", "/channels/9876/messages").Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(open.Body, Is.EqualTo("""{"recipient_id":"301"}"""));
            Assert.That(new DiscordSchema().Errors("CreatePrivateChannelRequest", open.Body), Is.Empty);
            Assert.That(post.Body, Does.Contain("\"content\":\"linked\""));
        });
    }

    [Test]
    public async Task SendDirectMessageAsync_UserRefusesDms_FailsWithDiscordsCodeAndPostsNothing()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("POST", "/users/@me/channels", FakeResponse.Error(403, 50007, "Cannot send messages to this user"));

        var result = await host.Rest.SendDirectMessageAsync(301, new DiscordMessageBuilder().WithContent("linked"));

        Assert.That((result.IsSuccess, result.ErrorCode), Is.EqualTo((false, (int?)50007)));
        Assert.That(host.Server.Requests.Count(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)), Is.Zero);
    }
}
