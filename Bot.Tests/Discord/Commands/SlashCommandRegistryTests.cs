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

    [Test]
    public void Build_GuardedParameter_IsNoOptionAndChecksRunOutermostFirst()
    {
        var registry = SlashCommandRegistry.Build([typeof(GuardedModule)]);

        var group = registry.Definitions.Single(d => d.Name == "guarded");
        var doubled = group.Options!.Single(o => o.Name == "double");
        Assert.Multiple(() =>
        {
            Assert.That(doubled.Options!.Select(o => o.Name), Is.EqualTo(new[] { "n" }), "the guarded parameter is not registered as an option");
            Assert.That(registry.Find("guarded double")!.Guards, Has.Count.EqualTo(1));
            Assert.That(registry.Find("guarded inner run")!.Checks.Select(c => c.GetType().Name), Is.EqualTo(new[] { "ServersOnlyAttribute", "RefuseAllAttribute" }));
        });
    }

    [Test]
    public void Build_GuardAfterAnOption_ThrowsNamingTheParameter()
    {
        Assert.That(() => SlashCommandRegistry.Build([typeof(GuardAfterOptionModule)]),
            Throws.InvalidOperationException.With.Message.Contains("guarded parameter 'doubled' must come before the options"));
    }

    [Test]
    public void Build_GuardOfAnotherType_ThrowsNamingBoth()
    {
        Assert.That(() => SlashCommandRegistry.Build([typeof(GuardOfAnotherTypeModule)]),
            Throws.InvalidOperationException.With.Message.Contains("'doubled' cannot take the Int64 of [DoubledAttribute]"));
    }

    [Test]
    public void Build_EnumOption_IsAStringOptionWithTheNamesAsChoicesValidAgainstTheSpec()
    {
        var registry = SlashCommandRegistry.Build([typeof(EnumOptionModule)]);

        var definition = registry.Definitions.Single();
        var json = System.Text.Encoding.UTF8.GetString(Bot.Discord.Rest.DiscordJson.Serialize(definition));
        var day = definition.Options!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(day.Type, Is.EqualTo(3), "STRING");
            Assert.That(day.Choices!.Select(c => (c.Name, c.Value)), Is.EqualTo(Enum.GetNames<DayOfWeek>().Select(n => (n, n))));
            Assert.That(registry.Find("day")!.Parameters[0].DefaultValue, Is.EqualTo(DayOfWeek.Sunday), "the C# default, as the enum");
            Assert.That(new DiscordSchema().Errors("ApplicationCommandUpdateRequest", json), Is.Empty, json);
        });
    }

    [Test]
    public void Build_ChoiceNamesFromTheDescriptions_ChoicesCarryNameLocalizationsValidAgainstTheSpec()
    {
        var registry = SlashCommandRegistry.Build([typeof(EnumOptionModule)], new ShoutedChoices());

        var definition = registry.Definitions.Single();
        var json = System.Text.Encoding.UTF8.GetString(Bot.Discord.Rest.DiscordJson.Serialize(definition));
        var choices = definition.Options!.Single().Choices!;
        Assert.Multiple(() =>
        {
            Assert.That(choices.Select(c => (c.Value, c.NameLocalizations?["de"])), Is.EqualTo(Enum.GetNames<DayOfWeek>().Select(n => (n, (string?)$"day day {n.ToUpperInvariant()}"))));
            Assert.That(json, Does.Contain("\"name_localizations\":{\"de\":\"day day SUNDAY\"}"));
            Assert.That(new DiscordSchema().Errors("ApplicationCommandUpdateRequest", json), Is.Empty, json);
        });
    }

    [Test]
    public void Build_ChoiceNameOverDiscordsLimit_ThrowsNamingTheChoice()
    {
        Assert.That(() => SlashCommandRegistry.Build([typeof(EnumOptionModule)], new ShoutedChoices(101)),
            Throws.InvalidOperationException.With.Message.EqualTo("The de name of /day day Sunday must be 1–100 characters."));
    }

    // German-ish names for the choices: the option's path and the value, shouted (or padded to a length).
    private sealed class ShoutedChoices(int? length = null) : ICommandDescriptions
    {
        public IReadOnlyDictionary<string, string>? For(string path) => null;

        public IReadOnlyDictionary<string, string>? ForChoice(string path, string choice) =>
            new Dictionary<string, string> { ["de"] = length is { } n ? new string('x', n) : $"{path} {choice.ToUpperInvariant()}" };
    }

    private sealed class EnumOptionModule : ApplicationCommandModule
    {
        [SlashCommand("day", "Echoes a weekday")]
        public async Task DayAsync(InteractionContext ctx, [Option("day", "A weekday")] DayOfWeek day = DayOfWeek.Sunday) => await ctx.CreateResponseAsync($"{GetType().Name} {day}");
    }

    private sealed class GuardAfterOptionModule : ApplicationCommandModule
    {
        [SlashCommand("late", "Guard after an option")]
        public async Task LateAsync(InteractionContext ctx, [Option("n", "A number")] long n, [GuardedModule.Doubled] long doubled) => await ctx.CreateResponseAsync($"{GetType().Name} {n} {doubled}");
    }

    private sealed class GuardOfAnotherTypeModule : ApplicationCommandModule
    {
        [SlashCommand("wrong", "Guard into a string")]
        public async Task WrongAsync(InteractionContext ctx, [GuardedModule.Doubled] string doubled, [Option("n", "A number")] long n) => await ctx.CreateResponseAsync($"{GetType().Name} {n} {doubled}");
    }

    private sealed class BadNameModule : ApplicationCommandModule
    {
        [SlashCommand("Week", "Bad name")]
        public async Task WeekAsync(InteractionContext ctx) => await ctx.CreateResponseAsync(GetType().Name);
    }
}
