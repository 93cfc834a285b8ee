namespace Bot.Tests.Discord.Interactions;

/// <summary>The interaction's <c>locale</c> and <c>guild_locale</c> reach the command handler, which answers in that language.</summary>
[Category(TestCategories.Integration)]
public sealed class InteractionLocaleTests
{
    [Test]
    public async Task Locale_SentByDiscord_HandlerSeesInvokersAndServersLocale()
    {
        var json = InteractionJson.Guild(1, "slow").Replace("\"locale\":\"en-US\",", "\"locale\":\"de\",\"guild_locale\":\"en-GB\",", StringComparison.Ordinal);

        Assert.That(await LocalesSeenAsync(json), Is.EqualTo(("de", "en-GB")));
    }

    [Test]
    public async Task Locale_NotSentByDiscord_IsNull()
    {
        Assert.That(await LocalesSeenAsync(InteractionJson.Direct(1, "quick")), Is.EqualTo(((string?)null, (string?)null)));
    }

    private static async Task<(string? Locale, string? GuildLocale)> LocalesSeenAsync(string interaction)
    {
        await using var host = await InteractionTestHost.StartAsync();
        var seen = new TaskCompletionSource<(string?, string?)>();
        host.Probe.Behaviour = async (_, ctx) =>
        {
            seen.SetResult((ctx.Locale, ctx.GuildLocale));
            await ctx.CreateResponseAsync("ok");
        };

        host.PostInteraction(interaction);
        return await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
