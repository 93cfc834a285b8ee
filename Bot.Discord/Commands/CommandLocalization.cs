namespace Bot.Discord.Commands;

/// <summary>
/// Adds <c>description_localizations</c> to a registration body, walking commands, groups, subcommands and options by
/// path, and <c>name_localizations</c> to the options' choices.
/// </summary>
internal static class CommandLocalization
{
    public static List<ApplicationCommandPayload> Apply(IEnumerable<ApplicationCommandPayload> definitions, ICommandDescriptions descriptions) =>
        [.. definitions.Select(d => d with
        {
            DescriptionLocalizations = Checked(d.Name, "description", descriptions.For(d.Name)),
            Options = Options(d.Name, d.Options, descriptions),
        })];

    private static List<ApplicationCommandOptionPayload>? Options(string parent, IReadOnlyList<ApplicationCommandOptionPayload>? options, ICommandDescriptions descriptions) =>
        options is null ? null : [.. options.Select(o =>
        {
            var path = $"{parent} {o.Name}";
            return o with
            {
                DescriptionLocalizations = Checked(path, "description", descriptions.For(path)),
                Options = Options(path, o.Options, descriptions),
                Choices = o.Choices is null ? null : [.. o.Choices.Select(c => c with { NameLocalizations = Checked($"{path} {c.Value}", "name", descriptions.ForChoice(path, c.Value)) })],
            };
        })];

    // Discord refuses the whole registration for one text out of bounds: a bad translation fails at start-up instead.
    private static IReadOnlyDictionary<string, string>? Checked(string path, string what, IReadOnlyDictionary<string, string>? localized) =>
        localized?.FirstOrDefault(l => l.Value.Length is < 1 or > 100) is { Key: not null } bad
            ? throw new InvalidOperationException($"The {bad.Key} {what} of /{path} must be 1–100 characters.")
            : localized is { Count: > 0 } ? localized : null;
}
