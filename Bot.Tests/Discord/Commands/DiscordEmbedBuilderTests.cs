using Bot.Discord.Entities;
using Bot.Discord.Rest;
using Bot.Tests.Discord.Interactions;

namespace Bot.Tests.Discord.Commands;

/// <summary>Check 40: Discord's embed and message limits are enforced locally, before anything is sent.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class DiscordEmbedBuilderTests
{
    private static string Text(int length) => new('a', length);

    [Test]
    public void Builder_AtEveryLimit_Accepts()
    {
        var builder = new DiscordEmbedBuilder().WithTitle(Text(256)).WithDescription(Text(4096)).WithFooter(Text(1000)).WithAuthor(Text(256));
        Assert.That(builder.Build().CharacterCount, Is.EqualTo(256 + 4096 + 1000 + 256));
    }

    [TestCase("title", 257)]
    [TestCase("description", 4097)]
    [TestCase("footer", 2049)]
    [TestCase("author", 257)]
    [TestCase("fieldName", 257)]
    [TestCase("fieldValue", 1025)]
    public void Builder_OverALimit_ThrowsArgumentException(string part, int length)
    {
        var builder = new DiscordEmbedBuilder();
        Action set = part switch
        {
            "title" => () => builder.WithTitle(Text(length)),
            "description" => () => builder.WithDescription(Text(length)),
            "footer" => () => builder.WithFooter(Text(length)),
            "author" => () => builder.WithAuthor(Text(length)),
            "fieldName" => () => builder.AddField(Text(length), "v"),
            _ => () => builder.AddField("n", Text(length)),
        };

        Assert.That(() => set(), Throws.ArgumentException.With.Message.Contains($"at most {length - 1} characters"));
    }

    [Test]
    public void Builder_TwentySixthField_Throws()
    {
        var builder = new DiscordEmbedBuilder();
        for (var i = 0; i < 25; i++)
        {
            builder.AddField($"n{i}", "v");
        }

        Assert.That(() => builder.AddField("n25", "v"), Throws.ArgumentException);
    }

    [Test]
    public void Build_Over6000CharactersInAll_Throws()
    {
        var builder = new DiscordEmbedBuilder().WithDescription(Text(4096));
        for (var i = 0; i < 2; i++)
        {
            builder.AddField(Text(256), Text(1024));
        }

        Assert.That(builder.Build, Throws.InvalidOperationException.With.Message.Contains("6000"));
    }

    [Test]
    public void MessageBuilders_ContentOver2000OrEleventhEmbed_Throw()
    {
        var embed = new DiscordEmbedBuilder().WithTitle("t").Build();
        var followup = new DiscordFollowupMessageBuilder().AddEmbeds(Enumerable.Repeat(embed, 10));

        Assert.That(() => new DiscordWebhookBuilder().WithContent(Text(2001)), Throws.ArgumentException);
        Assert.That(() => followup.AddEmbed(embed), Throws.ArgumentException);
    }

    [Test]
    public async Task EditResponseAsync_EmbedsOver6000InAll_LocalFailureAndNothingSent()
    {
        await using var host = await InteractionTestHost.StartAsync();
        var big = new DiscordEmbedBuilder().WithDescription(Text(4000)).Build();
        var result = new TaskCompletionSource<DiscordResult>();
        host.Probe.Behaviour = async (_, ctx) => result.SetResult(await ctx.EditResponseAsync(new DiscordWebhookBuilder().AddEmbed(big).AddEmbed(big)));

        host.PostInteraction(InteractionJson.Guild(1, "slow"));
        var outcome = await result.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(outcome.Kind, Is.EqualTo(DiscordResultKind.InvalidMessage));
        Assert.That(outcome.Message, Does.Contain("6000"));
        Assert.That(host.Rest.RequestsTo("PATCH", ".*"), Is.Empty);
    }
}
