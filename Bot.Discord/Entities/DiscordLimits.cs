namespace Bot.Discord.Entities;

/// <summary>Discord's message and embed limits (resources/message.mdx "Embed Limits").</summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;
    public const int AuthorName = 256;
    public const int EmbedTotal = 6000;
    public const int EmbedsPerMessage = 10;
    public const int MaxColor = 0xFFFFFF;

    /// <summary>Files per message (reference.mdx "Uploading Files").</summary>
    public const int FilesPerMessage = 10;

    /// <summary>The default upload limit of a message's files together: 25 MiB.</summary>
    public const long AttachmentBytes = 25L * 1024 * 1024;

    public const int FileNameLength = 1024;
}
