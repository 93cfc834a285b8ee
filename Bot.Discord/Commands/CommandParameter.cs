namespace Bot.Discord.Commands;

/// <summary>One handler parameter bound to an option.</summary>
/// <param name="Choices">For an enum parameter: its names, the only values Discord offers.</param>
internal sealed record CommandParameter(
    string Name, string Description, int OptionType, Type ClrType, bool Required, object? DefaultValue, double? Minimum, double? Maximum,
    IReadOnlyList<string>? Choices = null);
