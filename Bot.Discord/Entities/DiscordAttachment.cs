namespace Bot.Discord.Entities;

/// <summary>A file sent with a message (multipart <c>files[n]</c>), e.g. a PNG or a CSV.</summary>
public sealed record DiscordAttachment(string FileName, byte[] Content, string ContentType, string? Description = null);
