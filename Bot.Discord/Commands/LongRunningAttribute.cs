namespace Bot.Discord.Commands;

/// <summary>Defers the interaction publicly before the handler runs; the answer is an edit of the "thinking" message.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class LongRunningAttribute : Attribute;
