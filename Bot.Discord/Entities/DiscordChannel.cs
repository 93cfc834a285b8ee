namespace Bot.Discord.Entities;

/// <summary>A CHANNEL option's value (option type 7): the channel the user picked.</summary>
public sealed record DiscordChannel(ulong Id);
