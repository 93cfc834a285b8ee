namespace Bot.Discord.Entities;

/// <summary>Content, embeds and files shared by the response, webhook and followup builders.</summary>
public abstract class DiscordMessageBuilderBase<TSelf>
    where TSelf : DiscordMessageBuilderBase<TSelf>
{
    private readonly List<DiscordEmbed> _embeds = [];
    private readonly List<DiscordAttachment> _files = [];

    public string? Content { get; private set; }

    public IReadOnlyList<DiscordEmbed> Embeds => _embeds;

    public IReadOnlyList<DiscordAttachment> Files => _files;

    /// <summary>Sets the text; more than 2,000 characters is refused here, not by Discord.</summary>
    public TSelf WithContent(string content)
    {
        if (content.Length > DiscordLimits.Content)
        {
            throw new ArgumentException($"Discord allows at most {DiscordLimits.Content} characters of content; got {content.Length}.", nameof(content));
        }

        Content = content;
        return (TSelf)this;
    }

    public TSelf AddEmbed(DiscordEmbed embed)
    {
        if (_embeds.Count >= DiscordLimits.EmbedsPerMessage)
        {
            throw new ArgumentException($"A message has at most {DiscordLimits.EmbedsPerMessage} embeds.", nameof(embed));
        }

        _embeds.Add(embed);
        return (TSelf)this;
    }

    public TSelf AddEmbeds(IEnumerable<DiscordEmbed> embeds)
    {
        foreach (var embed in embeds)
        {
            AddEmbed(embed);
        }

        return (TSelf)this;
    }

    /// <summary>
    /// Attaches a file; it is sent as <c>multipart/form-data</c>. More than 10 files or a bad name is
    /// refused here; the 25 MiB total is checked when the message is sent.
    /// </summary>
    public TSelf AddFile(string fileName, byte[] content, string contentType = "application/octet-stream", string? description = null)
    {
        if (_files.Count >= DiscordLimits.FilesPerMessage)
        {
            throw new ArgumentException($"A message has at most {DiscordLimits.FilesPerMessage} files.", nameof(fileName));
        }

        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > DiscordLimits.FileNameLength || fileName.IndexOfAny(['/', '\\', '"', '\r', '\n']) >= 0)
        {
            throw new ArgumentException($"'{fileName}' is not a file name Discord accepts.", nameof(fileName));
        }

        _files.Add(new DiscordAttachment(fileName, content, contentType, description));
        return (TSelf)this;
    }

    internal string? Validate() => MessageValidator.Validate(Content, _embeds, _files);

    internal MessagePayload ToPayload(bool ephemeral) =>
        new(Content, _embeds.Count == 0 ? null : [.. _embeds], ephemeral ? MessagePayload.EphemeralFlag : null, AllowedMentionsPayload.None)
        {
            Attachments = _files.Count == 0
                ? null
                : [.. _files.Select((f, i) => new AttachmentPayload(i.ToString(System.Globalization.CultureInfo.InvariantCulture), f.FileName, f.Description))],
            Files = _files.Count == 0 ? null : [.. _files],
        };
}
