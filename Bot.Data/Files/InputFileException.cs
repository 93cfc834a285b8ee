namespace Bot.Data.Files;

/// <summary>A file the user named cannot be read as input; <see cref="Exception.Message"/> is the reason, short, without the path.</summary>
public sealed class InputFileException(string reason) : Exception(reason);
