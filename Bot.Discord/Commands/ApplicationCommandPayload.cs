namespace Bot.Discord.Commands;

/// <summary>One item of the bulk-overwrite body (ApplicationCommandUpdateRequest in the spec).</summary>
internal sealed record ApplicationCommandPayload(
    string Name,
    string Description,
    int Type,
    IReadOnlyList<ApplicationCommandOptionPayload>? Options,
    string? DefaultMemberPermissions,
    IReadOnlyList<int> Contexts,
    IReadOnlyList<int> IntegrationTypes)
{
    /// <summary>The description per locale (e.g. "de"); the name stays English.</summary>
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
}
