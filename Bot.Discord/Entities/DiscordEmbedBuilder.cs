namespace Bot.Discord.Entities;

/// <summary>
/// Builds an embed and refuses, at once and locally, anything over Discord's limits
/// (an <see cref="ArgumentException"/> naming the limit), so no request is ever answered with 400.
/// </summary>
public sealed class DiscordEmbedBuilder
{
    private readonly List<DiscordEmbedField> _fields = [];
    private string? _title;
    private string? _description;
    private int? _color;
    private DiscordEmbedFooter? _footer;
    private DiscordEmbedAuthor? _author;
    private DateTimeOffset? _timestamp;

    public DiscordEmbedBuilder WithTitle(string title)
    {
        _title = Checked(title, DiscordLimits.EmbedTitle, nameof(title));
        return this;
    }

    public DiscordEmbedBuilder WithDescription(string description)
    {
        _description = Checked(description, DiscordLimits.EmbedDescription, nameof(description));
        return this;
    }

    public DiscordEmbedBuilder WithColor(int rgb)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rgb);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rgb, DiscordLimits.MaxColor);
        _color = rgb;
        return this;
    }

    public DiscordEmbedBuilder AddField(string name, string value, bool inline = false)
    {
        if (_fields.Count >= DiscordLimits.EmbedFields)
        {
            throw new ArgumentException($"An embed has at most {DiscordLimits.EmbedFields} fields.", nameof(name));
        }

        _fields.Add(new DiscordEmbedField(Checked(name, DiscordLimits.FieldName, nameof(name)), Checked(value, DiscordLimits.FieldValue, nameof(value)), inline ? true : null));
        return this;
    }

    public DiscordEmbedBuilder WithFooter(string text)
    {
        _footer = new DiscordEmbedFooter(Checked(text, DiscordLimits.FooterText, nameof(text)));
        return this;
    }

    public DiscordEmbedBuilder WithAuthor(string name)
    {
        _author = new DiscordEmbedAuthor(Checked(name, DiscordLimits.AuthorName, nameof(name)));
        return this;
    }

    public DiscordEmbedBuilder WithTimestamp(DateTimeOffset timestamp)
    {
        _timestamp = timestamp.ToUniversalTime();
        return this;
    }

    public DiscordEmbed Build()
    {
        var embed = new DiscordEmbed(_title, _description, _color, _fields.Count == 0 ? null : [.. _fields], _footer, _author, _timestamp);
        if (embed.CharacterCount > DiscordLimits.EmbedTotal)
        {
            throw new InvalidOperationException($"An embed has at most {DiscordLimits.EmbedTotal} characters in all; this one has {embed.CharacterCount}.");
        }

        return embed;
    }

    private static string Checked(string value, int limit, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        var trimmed = value.Trim();
        return trimmed.Length <= limit ? trimmed : throw new ArgumentException($"Discord allows at most {limit} characters here; got {trimmed.Length}.", name);
    }
}
