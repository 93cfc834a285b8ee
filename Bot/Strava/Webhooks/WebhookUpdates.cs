using System.Text.Json;

namespace Bot.Strava.Webhooks;

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
            // Unreadable updates say nothing; the event still asks for a re-check of its object.
            values["unreadable"] = null;
        }

        return new WebhookUpdates(values);
    }

    /// <summary>A deauthorization: <c>"authorized": "false"</c>.</summary>
    public bool IsDeauthorization =>
        Values.TryGetValue("authorized", out var value) && string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
}
