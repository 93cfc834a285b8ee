namespace Bot.Discord.Entities;

public sealed record DiscordEmbedField(string Name, string Value, bool? Inline = null);
