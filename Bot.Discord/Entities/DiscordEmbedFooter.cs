namespace Bot.Discord.Entities;

public sealed record DiscordEmbedFooter(string Text);
