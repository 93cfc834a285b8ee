using Bot.Discord.Commands;

namespace Bot.Discord.Interactions;

/// <summary>One queued interaction: its responder and the command it routes to (null: unknown command).</summary>
internal sealed record InteractionWork(InteractionResponder Responder, CommandDescriptor? Command);
