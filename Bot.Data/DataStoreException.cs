namespace Bot.Data;

/// <summary>The database cannot be used (for example the file is not SQLite). The message is one line.</summary>
public sealed class DataStoreException(string message, Exception? innerException = null)
    : Exception(message, innerException);
