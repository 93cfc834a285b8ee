using System.Diagnostics;
using System.Text.Json;
using Bot.Discord.Entities;
using Bot.Discord.Rest;
using Bot.Tests.Discord.Rest;

namespace Bot.Tests.Discord.Interactions;

/// <summary>Checks 31–35: the initial response, defers, edits and followups, and the one-initial-response rule.</summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.Integration)]
public sealed class InteractionResponseTests
{
    private const string Token = InteractionJson.Token;
    private const string Callback = "/interactions/\\d+/" + Token + "/callback";
    private const string Original = "/webhooks/777/" + Token + "/messages/@original";
    private const string Followups = "/webhooks/777/" + Token;

    private static JsonElement Json(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Test]
    public async Task Post_QuickCommand_AnswersWithType4WithinDeadline()
    {
        await using var host = await InteractionTestHost.StartAsync();
        host.Probe.Behaviour = (_, ctx) => ctx.CreateResponseAsync(new DiscordEmbedBuilder().WithTitle("Week 3").WithDescription("12 points").Build());

        var posted = Stopwatch.GetTimestamp();
        host.PostInteraction(InteractionJson.Guild(1, "quick"));
        var callback = (await host.Rest.WaitForRequestsAsync("POST", Callback, 1)).Single();

        var body = Json(callback);
        Assert.That(TimeSpan.FromSeconds((callback.Timestamp - posted) / (double)Stopwatch.Frequency), Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(body.GetProperty("type").GetInt32(), Is.EqualTo(4));
        Assert.That(body.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString(), Is.EqualTo("Week 3"));
        Assert.That(body.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Post_AnyCommand_CallbackGoesToInteractionRouteWithJsonAndUserAgent()
    {
        await using var host = await InteractionTestHost.StartAsync();

        host.PostInteraction(InteractionJson.Guild(11, "quick"));
        var callback = (await host.Rest.WaitForRequestsAsync("POST", Callback, 1)).Single();

        Assert.That(callback.Path, Is.EqualTo($"/interactions/11/{Token}/callback"));
        Assert.That(callback.Header("Content-Type"), Is.EqualTo("application/json"));
        Assert.That(callback.Header("User-Agent"), Does.StartWith("DiscordBot (https://"));
        Assert.That(callback.Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task Post_DeferredCommand_DefersEphemeralThenEditsOriginalAndFollowsUpWithoutBotAuthorization()
    {
        await using var host = await InteractionTestHost.StartAsync();
        host.Probe.Behaviour = async (_, ctx) =>
        {
            await ctx.EditResponseAsync(new DiscordWebhookBuilder().WithContent("done"));
            await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().WithContent("more").AsEphemeral());
        };

        host.PostInteraction(InteractionJson.Guild(2, "slow"));
        var followup = (await host.Rest.WaitForRequestsAsync("POST", Followups, 1)).Single();

        var callback = host.Rest.RequestsTo("POST", Callback).Single();
        var edit = host.Rest.RequestsTo("PATCH", Original).Single();
        Assert.That(callback.Body, Is.EqualTo("""{"type":5,"data":{"flags":64}}"""));
        Assert.That(Json(edit).GetProperty("content").GetString(), Is.EqualTo("done"));
        Assert.That(Json(followup).GetProperty("flags").GetInt32(), Is.EqualTo(64));
        Assert.That(new[] { callback, edit, followup }.Select(r => r.Header("Authorization")), Is.All.Null);
        Assert.That(callback.Timestamp, Is.LessThan(edit.Timestamp));
        Assert.That(host.Logs.GetSnapshot().Select(l => l.Message), Has.None.Contains(Token).And.None.Contains(RestTestHost.Token), "tokens are never logged");
    }

    [Test]
    public async Task Post_LongRunningCommand_DefersPublicly()
    {
        await using var host = await InteractionTestHost.StartAsync();
        host.Probe.Behaviour = static (_, ctx) => ctx.EditResponseAsync(new DiscordWebhookBuilder().WithContent("done"));

        host.PostInteraction(InteractionJson.Guild(3, "public"));
        await host.Rest.WaitForRequestsAsync("PATCH", Original, 1);

        Assert.That(host.Rest.RequestsTo("POST", Callback).Single().Body, Is.EqualTo("""{"type":5}"""));
    }

    [Test]
    public async Task FollowUpAsync_SixtyAtOnce_NotHeldByTheGlobalLimit()
    {
        await using var host = await InteractionTestHost.StartAsync();
        host.Probe.Behaviour = static (_, ctx) => Task.WhenAll(Enumerable.Range(0, 60).Select(i => ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().WithContent($"#{i}"))));

        host.PostInteraction(InteractionJson.Guild(4, "slow"));
        var followups = await host.Rest.WaitForRequestsAsync("POST", Followups, 60);

        Assert.That(followups, Has.Count.EqualTo(60));
        Assert.That(RestTiming.Between(followups[0], followups[^1]), Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task CreateResponseAsync_AfterAutoDefer_BecomesEditOfOriginal()
    {
        await using var host = await InteractionTestHost.StartAsync();
        var results = new List<DiscordResult>();
        host.Probe.Behaviour = async (_, ctx) =>
        {
            results.Add(await ctx.CreateResponseAsync("first"));
            results.Add(await ctx.CreateResponseAsync("second"));
            results.Add(await ctx.DeferAsync());
        };

        host.PostInteraction(InteractionJson.Guild(5, "slow"));
        await host.Rest.WaitForRequestsAsync("PATCH", Original, 2);
        await Task.Delay(100);

        Assert.That(host.Rest.RequestsTo("POST", Callback), Has.Count.EqualTo(1));
        Assert.That(host.Rest.RequestsTo("PATCH", Original).Select(r => Json(r).GetProperty("content").GetString()), Is.EqualTo(new[] { "first", "second" }));
        Assert.That(results.Select(r => r.IsSuccess), Is.All.True);
    }

    [Test]
    public async Task DeferAndRespond_Concurrently_SendExactlyOneInitialResponse()
    {
        await using var host = await InteractionTestHost.StartAsync();
        host.Rest.Script("POST", Callback, new FakeResponse(204), FakeResponse.Error(400, 40060, "Interaction has already been acknowledged."));
        host.Probe.Behaviour = static (_, ctx) => Task.WhenAll(ctx.DeferAsync(ephemeral: true), ctx.CreateResponseAsync("answer"), ctx.CreateResponseAsync("other"));

        host.PostInteraction(InteractionJson.Guild(6, "quick"));
        await host.Rest.WaitForRequestsAsync("POST", Callback, 1);
        await Task.Delay(300);

        Assert.That(host.Rest.RequestsTo("POST", Callback), Has.Count.EqualTo(1));
        Assert.That(host.LogsWithId(1400), Is.Empty, "no 40060");
    }

    [TestCase(404, 10062, DiscordResultKind.InteractionExpired)]
    [TestCase(400, 40060, DiscordResultKind.AlreadyAcknowledged)]
    public async Task CreateResponseAsync_CallbackAnswersTerminalCode_TypedFailureOneLogNoRetry(int status, int code, DiscordResultKind expected)
    {
        await using var host = await InteractionTestHost.StartAsync();
        host.Rest.Script("POST", Callback, FakeResponse.Error(status, code, "nope"));
        var results = new TaskCompletionSource<DiscordResult[]>();
        host.Probe.Behaviour = async (_, ctx) =>
        {
            var first = await ctx.CreateResponseAsync("hello");
            var then = await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().WithContent("more"));
            results.SetResult([first, then]);
        };

        host.PostInteraction(InteractionJson.Guild(7, "quick"));
        var outcome = await results.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(outcome[0].Kind, Is.EqualTo(expected));
        Assert.That(outcome[0].ErrorCode, Is.EqualTo(code));
        Assert.That(outcome[1].Kind, Is.EqualTo(expected), "every later call fails the same way, locally");
        Assert.That(host.Rest.Requests.Where(r => r.Path != "/gateway").ToList(), Has.Count.EqualTo(1));
        Assert.That(host.LogsWithId(1400), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Post_AutoDeferAnswered10062_HandlerNotRunAndOneLog()
    {
        await using var host = await InteractionTestHost.StartAsync();
        host.Rest.Script("POST", Callback, FakeResponse.Error(404, 10062, "Unknown interaction"));

        host.PostInteraction(InteractionJson.Guild(8, "slow"));
        await host.Rest.WaitForRequestsAsync("POST", Callback, 1);
        await Task.Delay(300);

        Assert.That(host.Probe.Calls, Is.Empty);
        Assert.That(host.LogsWithId(1400), Has.Count.EqualTo(1));
        Assert.That(host.Rest.Requests.Where(r => r.Path != "/gateway").ToList(), Has.Count.EqualTo(1));
    }
}
