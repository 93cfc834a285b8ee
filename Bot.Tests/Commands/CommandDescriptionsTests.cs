using System.Text.Json;
using Bot.Commands;
using Bot.Discord.Commands;
using Bot.Discord.Rest;
using Bot.Tests.Discord.Commands;
using Bot.Texts;

namespace Bot.Tests.Commands;

/// <summary>
/// The registration body of the bot's own commands with the German catalog's descriptions: every command, group,
/// subcommand and option has one, none is left over from a command that is gone, and the body is valid against the spec.
/// </summary>
[Category(TestCategories.Unit)]
public sealed class CommandDescriptionsTests
{
    private static readonly Lazy<JsonElement> Body = new(() =>
    {
        var modules = typeof(SeasonCommands).Assembly.GetTypes().Where(t => typeof(ApplicationCommandModule).IsAssignableFrom(t) && !t.IsAbstract);
        return JsonDocument.Parse(DiscordJson.Serialize(SlashCommandRegistry.Build(modules, new CommandDescriptions()).Definitions)).RootElement;
    });

    [Test]
    public void Registration_EveryCommandAndOption_HasAGermanDescription()
    {
        var missing = Body.Value.EnumerateArray().SelectMany(c => Described(c, "")).Where(d => d.German is null).Select(d => d.Path);

        Assert.That(missing, Is.Empty, "commands and options without a German description");
    }

    [Test]
    public void Registration_WithGermanDescriptions_ValidAgainstTheSpec()
    {
        var schema = new DiscordSchema();

        var errors = Body.Value.EnumerateArray().SelectMany(c => schema.Errors("ApplicationCommandUpdateRequest", c.GetRawText()));

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void GermanCatalog_Descriptions_NoneOfACommandThatIsGone()
    {
        var paths = Body.Value.EnumerateArray().SelectMany(c => Described(c, "")).Select(d => d.Path);

        Assert.That(Stale(CommandDescriptions.Prefix, paths), Is.Empty);
    }

    [Test]
    public void Registration_EveryChoice_HasAGermanName()
    {
        var choices = Body.Value.EnumerateArray().SelectMany(c => Choices(c, "")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(choices, Is.Not.Empty, "the /remind day choices");
            Assert.That(choices.Where(c => c.German is null).Select(c => c.Path), Is.Empty, "choices without a German name");
        });
    }

    [Test]
    public void GermanCatalog_ChoiceNames_NoneOfAChoiceThatIsGone()
    {
        var paths = Body.Value.EnumerateArray().SelectMany(c => Choices(c, "")).Select(c => c.Path);

        Assert.That(Stale(CommandDescriptions.ChoicePrefix, paths), Is.Empty);
    }

    // The German catalog's keys with this prefix whose path is not registered.
    private static IEnumerable<string> Stale(string prefix, IEnumerable<string> registered)
    {
        var paths = registered.ToHashSet(StringComparer.Ordinal);
        return Catalog.Of(Language.German).Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).Where(p => !paths.Contains(p));
    }

    // Every choice of every option with its path ("remind on day Sunday": the option's path and the value) and its German name.
    private static IEnumerable<(string Path, string? German)> Choices(JsonElement item, string parent)
    {
        var path = (parent + " " + item.GetProperty("name").GetString()).Trim();
        var own = item.TryGetProperty("choices", out var choices)
            ? choices.EnumerateArray().Select(c => ($"{path} {c.GetProperty("value").GetString()}",
                c.TryGetProperty("name_localizations", out var localized) && localized.TryGetProperty("de", out var de) ? de.GetString() : null))
            : [];
        var children = item.TryGetProperty("options", out var options) ? options.EnumerateArray().SelectMany(o => Choices(o, path)) : [];
        return own.Concat(children);
    }

    // Every command, group, subcommand and option with its path ("admin channel set time") and its German description.
    private static IEnumerable<(string Path, string? German)> Described(JsonElement item, string parent)
    {
        var path = (parent + " " + item.GetProperty("name").GetString()).Trim();
        var german = item.TryGetProperty("description_localizations", out var localized) && localized.TryGetProperty("de", out var de) ? de.GetString() : null;
        var children = item.TryGetProperty("options", out var options) ? options.EnumerateArray().SelectMany(o => Described(o, path)) : [];
        return children.Prepend((path, german));
    }
}
