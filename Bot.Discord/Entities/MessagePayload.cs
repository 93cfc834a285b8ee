namespace Bot.Discord.Entities;

/// <summary>The message part of a callback, edit or followup body.</summary>
internal sealed record MessagePayload(string? Content, IReadOnlyList<DiscordEmbed>? Embeds, int? Flags, AllowedMentionsPayload? AllowedMentions)
{
    public const int EphemeralFlag = 1 << 6;
}
