namespace Bot.Discord.Interactions;

/// <summary>
/// One option of a command: a value (long for INTEGER, exactly; double for NUMBER; string; bool) or,
/// for SUB_COMMAND (1) and SUB_COMMAND_GROUP (2), nested options.
/// </summary>
internal sealed record InteractionOption(string Name, int Type, object? Value, IReadOnlyList<InteractionOption> Options);
