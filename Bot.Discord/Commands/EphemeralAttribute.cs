namespace Bot.Discord.Commands;

/// <summary>
/// Defers the interaction ephemerally before the handler runs (the user alone sees "thinking" and the
/// answer). For commands that may take more than a moment or whose answer is private.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class EphemeralAttribute : Attribute;
