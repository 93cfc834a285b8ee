namespace Bot.Discord.Commands;

/// <summary>
/// Base class of slash-command modules. A module is created per interaction from a DI scope, so
/// its constructor may take scoped services.
/// </summary>
public abstract class ApplicationCommandModule;
