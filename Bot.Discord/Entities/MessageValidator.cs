namespace Bot.Discord.Entities;

/// <summary>The message-level limits a builder cannot see alone: content length, embed count, 6,000 total, file sizes.</summary>
internal static class MessageValidator
{
    public static string? Validate(string? content, IReadOnlyList<DiscordEmbed> embeds, IReadOnlyList<DiscordAttachment>? files = null)
    {
        files ??= [];
        if (files.Count > DiscordLimits.FilesPerMessage)
        {
            return $"{files.Count} files; Discord allows {DiscordLimits.FilesPerMessage} per message";
        }

        var bytes = files.Sum(f => (long)f.Content.Length);
        if (bytes > DiscordLimits.AttachmentBytes)
        {
            return $"files have {bytes} bytes in all; Discord allows {DiscordLimits.AttachmentBytes} (25 MiB)";
        }

        if (content is not null && content.Length > DiscordLimits.Content)
        {
            return $"content has {content.Length} characters; Discord allows {DiscordLimits.Content}";
        }

        if (embeds.Count > DiscordLimits.EmbedsPerMessage)
        {
            return $"{embeds.Count} embeds; Discord allows {DiscordLimits.EmbedsPerMessage} per message";
        }

        var total = embeds.Sum(e => e.CharacterCount);
        if (total > DiscordLimits.EmbedTotal)
        {
            return $"embeds have {total} characters in all; Discord allows {DiscordLimits.EmbedTotal}";
        }

        return string.IsNullOrEmpty(content) && embeds.Count == 0 && files.Count == 0 ? "a message needs content, an embed or a file" : null;
    }
}
