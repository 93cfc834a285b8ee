using Bot.Discord.Entities;
using Bot.Tests.Discord.Interactions;

namespace Bot.Tests.Discord.Commands;

/// <summary>Check 50: every callback, followup and edit body the client sends validates against the spec.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class MessageSchemaTests
{
    [Test]
    public async Task EveryBody_SentByAScenarioOfAllResponseKinds_ValidatesAgainstTheSpec()
    {
        await using var host = await InteractionTestHost.StartAsync();
        var embed = new DiscordEmbedBuilder().WithTitle("Week 12").WithDescription("Points").WithColor(0x2ECC71)
            .AddField("Ana", "12.5", inline: true).WithFooter("2026").WithAuthor("ChallengeBot").WithTimestamp(DateTimeOffset.UnixEpoch).Build();
        host.Probe.Behaviour = async (command, ctx) =>
        {
            switch (command)
            {
                case "quick":
                    await ctx.CreateResponseAsync(new DiscordInteractionResponseBuilder().WithContent("hi").AddEmbed(embed).AsEphemeral());
                    break;
                case "slow" or "public":
                    await ctx.EditResponseAsync(new DiscordWebhookBuilder().WithContent("done").AddEmbed(embed));
                    await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().AddEmbed(embed).AsEphemeral());
                    await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().WithContent("plain"));
                    break;
            }
        };

        host.PostInteraction(InteractionJson.Guild(1, "quick"));
        host.PostInteraction(InteractionJson.Guild(2, "slow"));
        host.PostInteraction(InteractionJson.Guild(3, "public"));
        host.PostInteraction(InteractionJson.Guild(4, "nosuch"));
        host.PostInteraction(InteractionJson.Guild(5, "week", """[{"name":"week","type":4,"value":99}]"""));
        await host.Rest.WaitForRequestsAsync("POST", "/webhooks/777/[^/]+", 4);
        await host.Rest.WaitForRequestsAsync("POST", "/interactions/.*", 5);

        var schema = new DiscordSchema();
        var bodies = host.Rest.Requests.Where(r => r.Path != "/gateway").Select(r => (r.Method, r.Path, r.Body, Schema: r.Method == "PATCH" ? "IncomingWebhookUpdateRequestPartial" : r.Path.EndsWith("/callback", StringComparison.Ordinal) ? "CreateMessageInteractionCallbackRequest" : "IncomingWebhookRequestPartial")).ToList();
        Assert.That(bodies.Select(b => b.Schema).Distinct().Count(), Is.EqualTo(3));
        Assert.That(bodies, Has.Count.EqualTo(11));
        foreach (var (method, path, body, name) in bodies)
        {
            Assert.That(schema.Errors(name, body), Is.Empty, $"{method} {path}: {body}");
        }
    }

    [Test]
    public void DiscordSchema_CallbackWithElevenEmbeds_IsRejected()
    {
        var schema = new DiscordSchema();
        var embeds = string.Join(',', Enumerable.Repeat("""{"title":"x"}""", 11));

        Assert.That(schema.Errors("CreateMessageInteractionCallbackRequest", "{\"type\":4,\"data\":{\"embeds\":[" + embeds + "]}}"), Is.Not.Empty);
    }
}
