namespace Bot.Discord.Commands;

/// <summary>One option in a registration body (ApplicationCommand*Option in the spec).</summary>
internal sealed record ApplicationCommandOptionPayload(
    int Type, string Name, string Description, bool? Required = null, object? MinValue = null, object? MaxValue = null,
    IReadOnlyList<ApplicationCommandOptionPayload>? Options = null, IReadOnlyList<ApplicationCommandChoicePayload>? Choices = null,
    IReadOnlyList<int>? ChannelTypes = null)
{
    /// <summary>The description per locale (e.g. "de"); the name stays English.</summary>
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
}
