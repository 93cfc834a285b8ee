using System.Text.Json;
using Bot.Discord.Commands;
using Bot.Tests.Discord.Rest;

namespace Bot.Tests.Discord.Interactions;

/// <summary>Checks 38–39 and bad input: invokers, option parsing, routing, unknown commands, ranges, handler failures.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class InteractionRoutingTests
{
    private const string Callback = "/interactions/\\d+/" + InteractionJson.Token + "/callback";

    private static JsonElement Data(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("data");

    [Test]
    public async Task Post_DmAndGuildInteraction_HandlerSeesTheSameInvoker()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Guild(1, "quick"));
        host.PostInteraction(InteractionJson.Direct(2, "quick"));
        await host.Rest.WaitForRequestsAsync("POST", Callback, 2);

        var contexts = host.Probe.Calls.Select(c => c.Context).OrderBy(c => c.InteractionId).ToList();
        Assert.That(contexts[0].Invoker, Is.EqualTo(contexts[1].Invoker));
        Assert.That(contexts[0].Invoker.Id, Is.EqualTo(1001UL));
        Assert.That(contexts[0].Invoker.DisplayName, Is.EqualTo("Ana B"));
        Assert.That((contexts[0].GuildId, contexts[1].GuildId), Is.EqualTo(((ulong?)42UL, (ulong?)null)));
        Assert.That(contexts[0].MemberPermissions, Is.EqualTo(Bot.Discord.Entities.Permissions.ManageGuild));
        Assert.That(contexts[1].MemberPermissions, Is.Null);
    }

    [Test]
    public async Task Post_IntegerOptionOf2Pow53Minus1_ParsesExactly()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Guild(3, "big", """[{"name":"value","type":4,"value":9007199254740991}]"""));
        await host.Rest.WaitForRequestsAsync("POST", Callback, 1);

        Assert.That(host.Probe.Calls.Single().Arguments, Is.EqualTo(new object[] { 9007199254740991L }));
    }

    [Test]
    public async Task Post_NestedSubcommandGroup_RoutesToTheRightHandlerWithOptions()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Guild(4, "admin", """[{"name":"rules","type":2,"options":[{"name":"set","type":1,"options":[{"name":"points","type":10,"value":2.5}]}]}]"""));
        host.PostInteraction(InteractionJson.Guild(5, "admin", """[{"name":"reset","type":1,"options":[{"name":"confirm","type":5,"value":true}]}]"""));
        await host.Rest.WaitForRequestsAsync("POST", Callback, 2);

        var calls = host.Probe.Calls.OrderBy(c => c.Context.InteractionId).ToList();
        Assert.That(calls[0].Command, Is.EqualTo("admin rules set"));
        Assert.That(calls[0].Arguments, Is.EqualTo(new object[] { 2.5, "default" }));
        Assert.That(calls[0].Context.CommandName, Is.EqualTo("admin rules set"));
        Assert.That(calls[1].Command, Is.EqualTo("admin reset"));
        Assert.That(calls[1].Arguments, Is.EqualTo(new object[] { true }));
    }

    [Test]
    public async Task Post_OptionalOptionMissing_UsesDefaultValue()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Guild(6, "week", """[{"name":"week","type":4,"value":53}]"""));
        await host.Rest.WaitForRequestsAsync("POST", Callback, 1);

        Assert.That(host.Probe.Calls.Single().Arguments, Is.EqualTo(new object[] { 53, 2026L }));
    }

    [Test]
    public async Task Post_UnknownCommand_RepliesEphemeralUnknownCommand()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Guild(7, "nosuch"));
        var callback = (await host.Rest.WaitForRequestsAsync("POST", Callback, 1)).Single();

        Assert.That(Data(callback).GetProperty("content").GetString(), Is.EqualTo(ClientText.UnknownCommand.English));
        Assert.That(Data(callback).GetProperty("flags").GetInt32(), Is.EqualTo(64));
        Assert.That(host.LogsWithId(1302), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Post_OptionOutOfRange_RepliesEphemeralNamingTheRangeWithoutRunningHandler()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Guild(8, "week", """[{"name":"week","type":4,"value":54}]"""));
        var callback = (await host.Rest.WaitForRequestsAsync("POST", Callback, 1)).Single();

        Assert.That(Data(callback).GetProperty("content").GetString(), Is.EqualTo("`week` must be between 1 and 53."));
        Assert.That(Data(callback).GetProperty("flags").GetInt32(), Is.EqualTo(64));
        Assert.That(host.Probe.Calls, Is.Empty);
    }

    [Test]
    public async Task Post_HandlerThrows_OneLogLineAndEphemeralSomethingWentWrong()
    {
        await using var host = await InteractionTestHost.StartAsync();
        host.Probe.Behaviour = static (_, _) => throw new InvalidOperationException("boom");

        host.PostInteraction(InteractionJson.Guild(9, "quick"));
        var callback = (await host.Rest.WaitForRequestsAsync("POST", Callback, 1)).Single();

        Assert.That(Data(callback).GetProperty("content").GetString(), Is.EqualTo(ClientText.Failure.English));
        Assert.That(Data(callback).GetProperty("flags").GetInt32(), Is.EqualTo(64));
        Assert.That(host.LogsWithId(1301), Has.Count.EqualTo(1));
        Assert.That(host.LogsWithId(1301)[0].Message, Does.Contain("ProbeModule.QuickAsync"));
    }

    [Test]
    public async Task Post_DeferredHandlerThrows_EditsTheThinkingMessage()
    {
        await using var host = await InteractionTestHost.StartAsync();
        host.Probe.Behaviour = static (_, _) => throw new InvalidOperationException("boom");

        host.PostInteraction(InteractionJson.Guild(10, "slow"));
        var edit = (await host.Rest.WaitForRequestsAsync("PATCH", "/webhooks/777/.*/messages/@original", 1)).Single();

        Assert.That(JsonDocument.Parse(edit.Body).RootElement.GetProperty("content").GetString(), Is.EqualTo(ClientText.Failure.English));
        Assert.That(host.Rest.RequestsTo("POST", Callback), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Post_MalformedInteraction_LoggedOnceAndNothingSent()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction("""{"id":"x","type":2}""");
        host.PostInteraction(InteractionJson.Guild(12, "quick"));
        await host.Rest.WaitForRequestsAsync("POST", Callback, 1);

        Assert.That(host.LogsWithId(1403), Has.Count.EqualTo(1));
        Assert.That(host.Rest.RequestsTo("POST", Callback).Single().Path, Does.StartWith("/interactions/12/"));
    }
}
