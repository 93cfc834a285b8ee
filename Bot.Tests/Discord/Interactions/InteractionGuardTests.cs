using System.Text.Json;
using Bot.Tests.Discord.Commands;
using Bot.Tests.Discord.Rest;

namespace Bot.Tests.Discord.Interactions;

/// <summary>Checks and guards: the first refusal answers the invoker privately and the handler never runs; a guard's value reaches it.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class InteractionGuardTests
{
    private const string Callback = "/interactions/\\d+/" + InteractionJson.Token + "/callback";
    private const string Original = "/webhooks/777/.*/messages/@original";

    private static string Double(long n) => $$"""[{"name":"double","type":1,"options":[{"name":"n","type":4,"value":{{n}}}]}]""";

    private const string InnerRun = """[{"name":"inner","type":2,"options":[{"name":"run","type":1,"options":[]}]}]""";

    private static JsonElement Data(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("data");

    [Test]
    public async Task Post_CheckRefusesInADirectMessage_AnswersItsLineEphemerallyAndRunsNothing()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Direct(21, "guarded", Double(2)));
        var callback = (await host.Rest.WaitForRequestsAsync("POST", Callback, 1)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Data(callback).GetProperty("content").GetString(), Is.EqualTo(GuardedModule.ServersOnlyText));
            Assert.That(Data(callback).GetProperty("flags").GetInt32(), Is.EqualTo(64));
            Assert.That(host.Probe.Calls, Is.Empty);
            Assert.That(host.LogsWithId(1306), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Post_NestedGroupInADirectMessage_OutermostCheckAnswers()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Direct(22, "guarded", InnerRun));
        var edit = (await host.Rest.WaitForRequestsAsync("PATCH", Original, 1)).Single();

        Assert.That((JsonDocument.Parse(edit.Body).RootElement.GetProperty("content").GetString(), host.Probe.Calls.Count),
            Is.EqualTo((GuardedModule.ServersOnlyText, 0)));
    }

    [Test]
    public async Task Post_NestedGroupInAServer_ItsOwnCheckAnswersTheDeferredMessage()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Guild(23, "guarded", InnerRun));
        var edit = (await host.Rest.WaitForRequestsAsync("PATCH", Original, 1)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(JsonDocument.Parse(edit.Body).RootElement.GetProperty("content").GetString(), Is.EqualTo(GuardedModule.InnerText));
            Assert.That(host.Rest.RequestsTo("POST", Callback), Has.Count.EqualTo(1), "only the defer was a callback");
            Assert.That(host.Probe.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task Post_GuardRefuses_AnswersItsLineAndRunsNothing()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Guild(24, "guarded", Double(0)));
        var callback = (await host.Rest.WaitForRequestsAsync("POST", Callback, 1)).Single();

        Assert.That((Data(callback).GetProperty("content").GetString(), host.Probe.Calls.Count), Is.EqualTo((GuardedModule.ZeroText, 0)));
    }

    [Test]
    public async Task Post_GuardPasses_HandlerGetsItsValueBeforeTheOptions()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Guild(25, "guarded", Double(21)));
        await host.Rest.WaitForRequestsAsync("POST", Callback, 1);

        var call = host.Probe.Calls.Single();
        Assert.That((call.Command, call.Arguments), Is.EqualTo(("guarded double", new object[] { 42L, 21L })));
    }
}
