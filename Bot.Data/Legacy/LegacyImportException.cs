namespace Bot.Data.Legacy;

/// <summary>The old bot's files cannot be imported; the message is one line: file, JSON path, problem.</summary>
public sealed class LegacyImportException(string message) : Exception(message);
