using Bot.Discord.Commands;

namespace Bot.Tests.Discord.Commands;

/// <summary>A malformed module is a bug: it fails at start-up with a message naming it.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class SlashCommandRegistryTests
{
    [Test]
    public void Build_TestModules_FindsEveryCommandPath()
    {
        var registry = SlashCommandRegistry.Build([typeof(ProbeModule), typeof(AdminModule), typeof(AdminModule.RulesModule)]);

        Assert.That(registry.Commands.Select(c => c.Path).Order(), Is.EqualTo(new[] { "admin reset", "admin rules set", "big", "public", "quick", "slow", "week" }));
        Assert.That(registry.Find("admin rules set")!.HandlerName, Is.EqualTo("AdminModule.RulesModule.SetAsync"));
    }

    [Test]
    public void Build_UppercaseName_ThrowsNamingIt()
    {
        Assert.That(() => SlashCommandRegistry.Build([typeof(BadNameModule)]), Throws.InvalidOperationException.With.Message.Contains("Week"));
    }

    private sealed class BadNameModule : ApplicationCommandModule
    {
        [SlashCommand("Week", "Bad name")]
        public async Task WeekAsync(InteractionContext ctx) => await ctx.CreateResponseAsync(GetType().Name);
    }
}
