namespace Bot.Discord.Commands;

/// <summary>One handler parameter bound to an option.</summary>
internal sealed record CommandParameter(string Name, string Description, int OptionType, Type ClrType, bool Required, object? DefaultValue, double? Minimum, double? Maximum);
