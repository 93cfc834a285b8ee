namespace Bot.Discord.Commands;

/// <summary>
/// A command option. The parameter type picks the option type: long/int INTEGER, double NUMBER,
/// string STRING, bool BOOLEAN, an enum STRING with its names as the choices. A C# default value makes the option optional.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OptionAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
