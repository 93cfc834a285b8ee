namespace Bot.Discord.Commands;

/// <summary>One choice of a string option (ApplicationCommandOptionStringChoice in the spec): what users see, what the bot gets.</summary>
internal sealed record ApplicationCommandChoicePayload(string Name, string Value)
{
    /// <summary>The name users see per locale (e.g. "de"); the value the bot gets stays the same.</summary>
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
}
