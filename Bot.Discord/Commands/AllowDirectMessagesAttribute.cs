namespace Bot.Discord.Commands;

/// <summary>The command also works in the bot's DMs: <c>contexts [0, 1]</c>, <c>integration_types [0]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowDirectMessagesAttribute : Attribute;
