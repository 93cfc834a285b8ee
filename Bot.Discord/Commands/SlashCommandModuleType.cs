namespace Bot.Discord.Commands;

/// <summary>A module type registered with AddSlashCommands; the registry is built from all of them.</summary>
internal sealed record SlashCommandModuleType(Type Type);
