using System.Text.Json;

namespace Bot.Strava;

/// <summary>The <c>updates</c> hash of a push event: keys such as title, type, private, authorized.</summary>
internal sealed record WebhookUpdates(IReadOnlyDictionary<string, string?> Values)
{
    public static WebhookUpdates Parse(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json))
        {
            return new WebhookUpdates(values);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => property.Value.GetRawText(),
                    };
                }
            }
        }
        catch (JsonException)
        {
            // Unreadable updates are treated as "something changed": the activity is fetched again.
            values["unreadable"] = null;
        }

        return new WebhookUpdates(values);
    }

    /// <summary>Only the title changed: stored as is, with no call to Strava.</summary>
    public bool IsTitleOnly => Values.Count == 1 && Values.ContainsKey("title");

    /// <summary>A deauthorization: <c>"authorized": "false"</c>.</summary>
    public bool IsDeauthorization =>
        Values.TryGetValue("authorized", out var value) && string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    public string? Title => Values.GetValueOrDefault("title");
}
