namespace Bot.Discord.Commands;

/// <summary>
/// Makes a module class a command group: its <see cref="SlashCommandAttribute"/> methods become
/// subcommands (<c>/admin reset</c>) and nested module classes with this attribute become
/// subcommand groups (<c>/admin rules set</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SlashCommandGroupAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
