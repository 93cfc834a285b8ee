using System.Text;
using System.Text.Json;
using Bot.Discord.Entities;
using Bot.Discord.Rest;
using Bot.Tests.Discord.Commands;
using Bot.Tests.Discord.Interactions;

namespace Bot.Tests.Discord.Rest;

/// <summary>Files travel as multipart/form-data: payload_json plus files[n], ids matching, within Discord's limits.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class MultipartAttachmentTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0xFF, 0x00, 0x7F];
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("member,total\nAna,12.50\n");

    [Test]
    public async Task EditAndFollowUp_WithFiles_SendPayloadJsonAndFilePartsThatValidateAgainstTheSpec()
    {
        await using var host = await InteractionTestHost.StartAsync();
        var done = new TaskCompletionSource<(DiscordResult Edit, DiscordResult Followup)>();
        host.Probe.Behaviour = async (_, ctx) =>
        {
            var edit = await ctx.EditResponseAsync(new DiscordWebhookBuilder().WithContent("season").AddFile("season.png", Png, "image/png", "the season"));
            var followup = await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().AsEphemeral()
                .AddFile("ledger.csv", Csv, "text/csv").AddFile("ledger.json", Encoding.UTF8.GetBytes("{}"), "application/json"));
            done.SetResult((edit, followup));
        };

        host.PostInteraction(InteractionJson.Guild(1, "slow"));
        var (editResult, followupResult) = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(editResult.IsSuccess && followupResult.IsSuccess, Is.True);
        var edit = host.Rest.RequestsTo("PATCH", "/webhooks/777/[^/]+/messages/@original").Single();
        var followup = host.Rest.RequestsTo("POST", "/webhooks/777/[^/]+").Single();
        var editBody = await MultipartBody.ParseAsync(edit.Header("Content-Type"), edit.BodyBytes);
        var followupBody = await MultipartBody.ParseAsync(followup.Header("Content-Type"), followup.BodyBytes);

        Assert.That(editBody.Parts.Select(p => p.Name), Is.EqualTo(new[] { "payload_json", "files[0]" }));
        Assert.That(Encoding.UTF8.GetString(edit.BodyBytes), Does.Contain("Content-Disposition: form-data; name=\"payload_json\"\r\n"));
        Assert.That(editBody["files[0]"].FileName, Is.EqualTo("season.png"));
        Assert.That(editBody["files[0]"].ContentType, Is.EqualTo("image/png"));
        Assert.That(editBody["files[0]"].Data, Is.EqualTo(Png));
        Assert.That(followupBody.Parts.Select(p => p.Name), Is.EqualTo(new[] { "payload_json", "files[0]", "files[1]" }));
        Assert.That(followupBody["files[0]"].Data, Is.EqualTo(Csv));
        Assert.That(followupBody["files[1]"].FileName, Is.EqualTo("ledger.json"));

        using var editJson = JsonDocument.Parse(editBody["payload_json"].Text);
        var attachments = editJson.RootElement.GetProperty("attachments");
        Assert.That(attachments.GetArrayLength(), Is.EqualTo(1));
        Assert.That(attachments[0].GetProperty("id").GetString(), Is.EqualTo("0"));
        Assert.That(attachments[0].GetProperty("filename").GetString(), Is.EqualTo("season.png"));
        Assert.That(attachments[0].GetProperty("description").GetString(), Is.EqualTo("the season"));
        Assert.That(editJson.RootElement.GetProperty("content").GetString(), Is.EqualTo("season"));
        using var followupJson = JsonDocument.Parse(followupBody["payload_json"].Text);
        Assert.That(followupJson.RootElement.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("id").GetString()), Is.EqualTo(new[] { "0", "1" }));
        Assert.That(followupJson.RootElement.GetProperty("flags").GetInt32(), Is.EqualTo(MessagePayload.EphemeralFlag));

        var schema = new DiscordSchema();
        Assert.That(schema.Errors("IncomingWebhookUpdateRequestPartial", editBody["payload_json"].Text), Is.Empty);
        Assert.That(schema.Errors("IncomingWebhookRequestPartial", followupBody["payload_json"].Text), Is.Empty);
    }

    [Test]
    public async Task EditResponse_FilesOver25MiB_IsRefusedLocallyAndNothingIsSent()
    {
        await using var host = await InteractionTestHost.StartAsync();
        var done = new TaskCompletionSource<DiscordResult>();
        host.Probe.Behaviour = async (_, ctx) =>
        {
            var half = new byte[(DiscordLimits.AttachmentBytes / 2) + 1];
            done.SetResult(await ctx.EditResponseAsync(new DiscordWebhookBuilder().AddFile("a.bin", half).AddFile("b.bin", half)));
        };

        host.PostInteraction(InteractionJson.Guild(1, "slow"));
        var result = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result.Kind, Is.EqualTo(DiscordResultKind.InvalidMessage));
        Assert.That(result.Message, Does.Contain("25 MiB"));
        Assert.That(host.Rest.RequestsTo("PATCH", "/webhooks/.*"), Is.Empty);
    }

    [Test]
    public async Task EditResponse_FileOverTheInteractionsAttachmentSizeLimit_IsRefusedLocally()
    {
        await using var host = await InteractionTestHost.StartAsync();
        var done = new TaskCompletionSource<(long Limit, DiscordResult Large, DiscordResult Small)>();
        host.Probe.Behaviour = async (_, ctx) =>
        {
            var large = await ctx.EditResponseAsync(new DiscordWebhookBuilder().AddFile("large.bin", new byte[1001]));
            var small = await ctx.EditResponseAsync(new DiscordWebhookBuilder().AddFile("small.bin", new byte[1000]));
            done.SetResult((ctx.AttachmentSizeLimit, large, small));
        };

        host.PostInteraction(InteractionJson.Guild(1, "slow").Replace("\"version\":1,", "\"version\":1,\"attachment_size_limit\":1000,", StringComparison.Ordinal));
        var (limit, largeResult, smallResult) = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(limit, Is.EqualTo(1000));
        Assert.That(largeResult.Kind, Is.EqualTo(DiscordResultKind.InvalidMessage));
        Assert.That(largeResult.Message, Does.Contain("large.bin").And.Contain("1000"));
        Assert.That(smallResult.IsSuccess, Is.True);
        Assert.That(host.Rest.RequestsTo("PATCH", "/webhooks/.*"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AttachmentSizeLimit_NotSentByDiscord_Is25MiB()
    {
        await using var host = await InteractionTestHost.StartAsync();
        var done = new TaskCompletionSource<long>();
        host.Probe.Behaviour = (_, ctx) =>
        {
            done.SetResult(ctx.AttachmentSizeLimit);
            return ctx.EditResponseAsync(new DiscordWebhookBuilder().WithContent("ok"));
        };

        host.PostInteraction(InteractionJson.Guild(1, "slow"));

        Assert.That(await done.Task.WaitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(25L * 1024 * 1024));
    }

    [Test]
    public async Task CreateResponse_FileBeforeAnyDefer_IsRefusedInsteadOfDroppedSilently()
    {
        await using var host = await InteractionTestHost.StartAsync();
        var done = new TaskCompletionSource<DiscordResult>();
        host.Probe.Behaviour = async (_, ctx) =>
            done.SetResult(await ctx.CreateResponseAsync(new DiscordInteractionResponseBuilder().AddFile("season.png", Png, "image/png")));

        host.PostInteraction(InteractionJson.Guild(1, "quick"));
        var result = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result.Kind, Is.EqualTo(DiscordResultKind.InvalidMessage));
        Assert.That(result.Message, Does.Contain("deferred"));
    }

    [Test]
    public void AddFile_EleventhFileOrBadName_Throws()
    {
        var builder = new DiscordWebhookBuilder();
        for (var i = 0; i < DiscordLimits.FilesPerMessage; i++)
        {
            builder.AddFile($"f{i}.txt", [1]);
        }

        Assert.That(() => builder.AddFile("eleven.txt", [1]), Throws.ArgumentException.With.Message.Contains("10 files"));
        Assert.That(() => new DiscordWebhookBuilder().AddFile("../x.png", [1]), Throws.ArgumentException);
        Assert.That(() => new DiscordWebhookBuilder().AddFile(" ", [1]), Throws.ArgumentException);
    }

    [Test]
    public async Task SendAsync_429ThenSuccess_SendsTheFilesAgainOnTheRetry()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("PATCH", "/webhooks/7/.*",
            FakeResponse.Json("""{"message":"slow down","retry_after":0.05,"global":false}""", 429, ("X-RateLimit-Bucket", "b"), ("X-RateLimit-Limit", "5")),
            FakeResponse.Json("{}"));
        var payload = new DiscordWebhookBuilder().WithContent("again").AddFile("season.png", Png, "image/png").ToPayload(ephemeral: false);

        var response = await host.Rest.SendAsync(DiscordRoutes.EditOriginal(7, "tok"), DiscordJson.Serialize(payload), payload.Files);

        Assert.That(response.Result.IsSuccess, Is.True);
        var sent = host.Server.RequestsTo("PATCH", "/webhooks/7/.*");
        Assert.That(sent, Has.Count.EqualTo(2));
        foreach (var request in sent)
        {
            var body = await MultipartBody.ParseAsync(request.Header("Content-Type"), request.BodyBytes);
            Assert.That(body["files[0]"].Data, Is.EqualTo(Png));
            Assert.That(body["payload_json"].Text, Does.Contain("\"content\":\"again\""));
        }
    }
}
