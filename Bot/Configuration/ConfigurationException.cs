namespace Bot.Configuration;

/// <summary>A setting is missing or wrong; the message is one line naming it.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
