using System.Text;

namespace Bot.Discord.Entities;

/// <summary>
/// Splits long text into pieces Discord accepts, at line breaks where possible, so output is
/// never cut off nor rejected: one embed per page (a 4,096-character page fits the 6,000 total).
/// </summary>
public static class DiscordPages
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var pages = new List<string>();
        var page = new StringBuilder();
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine;
            while (line.Length > maxLength)
            {
                Flush(pages, page);
                pages.Add(line[..maxLength]);
                line = line[maxLength..];
            }

            if (page.Length > 0 && page.Length + 1 + line.Length > maxLength)
            {
                Flush(pages, page);
            }

            if (page.Length > 0)
            {
                page.Append('\n');
            }

            page.Append(line);
        }

        Flush(pages, page);
        return pages.Count == 0 ? [""] : pages;
    }

    /// <summary>One embed per page, titled "title (2/3)" when there is more than one.</summary>
    public static IReadOnlyList<DiscordEmbed> ToEmbeds(string title, string text, int? color = null)
    {
        var suffixRoom = 12;
        var pages = Split(text, DiscordLimits.EmbedDescription);
        var shortTitle = title.Length > DiscordLimits.EmbedTitle - suffixRoom ? title[..(DiscordLimits.EmbedTitle - suffixRoom)] : title;
        return [.. pages.Select((page, i) =>
        {
            var builder = new DiscordEmbedBuilder().WithTitle(pages.Count == 1 ? shortTitle : $"{shortTitle} ({i + 1}/{pages.Count})");
            if (!string.IsNullOrWhiteSpace(page))
            {
                builder.WithDescription(page);
            }

            if (color is { } c)
            {
                builder.WithColor(c);
            }

            return builder.Build();
        })];
    }

    private static void Flush(List<string> pages, StringBuilder page)
    {
        if (page.Length > 0)
        {
            pages.Add(page.ToString());
            page.Clear();
        }
    }
}
