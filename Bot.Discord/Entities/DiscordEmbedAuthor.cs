namespace Bot.Discord.Entities;

public sealed record DiscordEmbedAuthor(string Name);
