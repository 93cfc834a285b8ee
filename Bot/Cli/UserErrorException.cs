namespace Bot.Cli;

/// <summary>A mistake in what the user gave us: printed as one line, exit code 2, nothing changed.</summary>
internal sealed class UserErrorException(string message) : Exception(message);
