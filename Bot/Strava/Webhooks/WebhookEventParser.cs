using System.Text.Json;
using Bot.Data.Repositories;

namespace Bot.Strava.Webhooks;

/// <summary>
/// Checks a Strava push event body (<c>object_type, object_id, aspect_type, owner_id, subscription_id,
/// event_time, updates</c>) and makes the queue input of it, or names the first thing wrong.
/// </summary>
internal static class WebhookEventParser
{
    public static WebhookEventInput? Parse(ReadOnlySpan<byte> body, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            problem = "the body is not JSON";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the body is not a JSON object";
                return null;
            }

            var problems = new[]
            {
                Text(root, "object_type", out var objectType, "activity", "athlete"),
                Text(root, "aspect_type", out var aspectType, "create", "update", "delete"),
                Id(root, "object_id", out var objectId),
                Id(root, "owner_id", out var ownerId),
                Id(root, "subscription_id", out var subscriptionId),
                Id(root, "event_time", out var eventTime),
                Updates(root, out var updates),
            };
            problem = problems.FirstOrDefault(p => p is not null);
            return problem is not null ? null : new WebhookEventInput(objectType!, objectId, aspectType!, ownerId, subscriptionId, eventTime, updates);
        }
    }

    private static string? Text(JsonElement root, string name, out string? value, params string[] allowed)
    {
        value = root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return value is not null && allowed.Contains(value, StringComparer.Ordinal) ? null : $"{name} must be one of {string.Join(", ", allowed)}";
    }

    private static string? Id(JsonElement root, string name, out long value)
    {
        value = 0;
        return root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value) && value > 0
            ? null
            : $"{name} must be a positive integer";
    }

    private static string? Updates(JsonElement root, out string? json)
    {
        json = null;
        if (!root.TryGetProperty("updates", out var updates) || updates.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (updates.ValueKind != JsonValueKind.Object)
        {
            return "updates must be an object";
        }

        json = updates.GetRawText();
        return null;
    }
}
