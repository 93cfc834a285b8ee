namespace Bot.Discord.Commands;

/// <summary>One invocable command as users type it ("admin rules set"), for help texts.</summary>
public sealed record SlashCommandInfo(string Path, string Description, IReadOnlyList<SlashOptionInfo> Options, bool RestrictedByPermissions);

/// <summary>One option of a command; Minimum/Maximum as registered (INTEGER and NUMBER only).</summary>
public sealed record SlashOptionInfo(string Name, string Description, bool Required, object? Minimum, object? Maximum);
