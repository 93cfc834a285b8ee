namespace Bot.Discord.Commands;

/// <summary>The registered commands, flattened to what users can invoke, in registration order.</summary>
public sealed class SlashCommandCatalog
{
    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;

    internal SlashCommandCatalog(SlashCommandRegistry registry)
    {
        var commands = new List<SlashCommandInfo>();
        foreach (var definition in registry.Definitions)
        {
            Flatten(definition.Name, definition.Description, definition.Options ?? [], definition.DefaultMemberPermissions is not null, commands);
        }

        Commands = commands;
    }

    public IReadOnlyList<SlashCommandInfo> Commands { get; }

    private static void Flatten(string path, string description, IReadOnlyList<ApplicationCommandOptionPayload> options, bool restricted, List<SlashCommandInfo> commands)
    {
        var nested = options.Where(o => o.Type is SubCommand or SubCommandGroup).ToList();
        if (nested.Count == 0)
        {
            commands.Add(new SlashCommandInfo(path, description,
                [.. options.Select(o => new SlashOptionInfo(o.Name, o.Description, o.Required == true, o.MinValue, o.MaxValue))], restricted));
            return;
        }

        foreach (var child in nested)
        {
            Flatten($"{path} {child.Name}", child.Description, child.Options ?? [], restricted, commands);
        }
    }
}
