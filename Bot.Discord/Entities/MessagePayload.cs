using System.Text.Json.Serialization;

namespace Bot.Discord.Entities;

/// <summary>The message part of a callback, edit or followup body.</summary>
internal sealed record MessagePayload(string? Content, IReadOnlyList<DiscordEmbed>? Embeds, int? Flags, AllowedMentionsPayload? AllowedMentions)
{
    public const int EphemeralFlag = 1 << 6;

    /// <summary>One entry per file, in the order of <see cref="Files"/>; null without files.</summary>
    public IReadOnlyList<AttachmentPayload>? Attachments { get; init; }

    /// <summary>The files themselves: they travel as multipart parts beside <c>payload_json</c>, never in the JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<DiscordAttachment>? Files { get; init; }
}
