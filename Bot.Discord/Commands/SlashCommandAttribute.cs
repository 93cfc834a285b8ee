namespace Bot.Discord.Commands;

/// <summary>Marks <c>Task XxxAsync(InteractionContext ctx, …)</c> as the slash command (or subcommand) <paramref name="name"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SlashCommandAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
