namespace Bot.Discord.Entities;

/// <summary>Content and embeds shared by the response, webhook and followup builders.</summary>
public abstract class DiscordMessageBuilderBase<TSelf>
    where TSelf : DiscordMessageBuilderBase<TSelf>
{
    private readonly List<DiscordEmbed> _embeds = [];

    public string? Content { get; private set; }

    public IReadOnlyList<DiscordEmbed> Embeds => _embeds;

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

    internal string? Validate() => MessageValidator.Validate(Content, _embeds);

    internal MessagePayload ToPayload(bool ephemeral) =>
        new(Content, _embeds.Count == 0 ? null : [.. _embeds], ephemeral ? MessagePayload.EphemeralFlag : null, AllowedMentionsPayload.None);
}
