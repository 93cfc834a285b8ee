namespace Bot.Discord.Entities;

/// <summary>An embed as Discord's JSON has it; build one with <see cref="DiscordEmbedBuilder"/>.</summary>
public sealed record DiscordEmbed(
    string? Title,
    string? Description,
    int? Color,
    IReadOnlyList<DiscordEmbedField>? Fields,
    DiscordEmbedFooter? Footer,
    DiscordEmbedAuthor? Author,
    DateTimeOffset? Timestamp)
{
    /// <summary>The characters that count toward the 6,000 limit of a message's embeds.</summary>
    public int CharacterCount =>
        (Title?.Length ?? 0) + (Description?.Length ?? 0) + (Footer?.Text.Length ?? 0) + (Author?.Name.Length ?? 0)
        + (Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);
}
