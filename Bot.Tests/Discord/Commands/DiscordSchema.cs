using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Tests.Support;
using Json.Schema;

namespace Bot.Tests.Discord.Commands;

/// <summary>
/// Validates request bodies against <c>#/components/schemas/…</c> of shared/discord-openapi.json
/// (JSON Schema 2020-12). The spec types <c>default_member_permissions</c> as an integer while the
/// docs send a string, so a string of digits there is checked as the number it stands for.
/// </summary>
internal sealed class DiscordSchema
{
    private static readonly Uri DocumentUri = new("https://discord.test/openapi.json");
    private readonly BuildOptions _options;

    public DiscordSchema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.DiscordOpenApi));
        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(document.RootElement.Clone(), DocumentUri));
        _options = new BuildOptions { SchemaRegistry = registry };
    }

    /// <summary>The validation errors (empty when valid).</summary>
    public IReadOnlyList<string> Errors(string schemaName, string body)
    {
        var node = JsonNode.Parse(body)!;
        WidenPermissions(node);
        var schema = JsonSchema.FromText($$"""{"$ref":"{{DocumentUri}}#/components/schemas/{{schemaName}}"}""", _options);
        using var instance = JsonDocument.Parse(node.ToJsonString());
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))];
    }

    private static void WidenPermissions(JsonNode node)
    {
        IEnumerable<JsonNode?> commands = node is JsonArray array ? array : [node];
        foreach (var command in commands)
        {
            if (command is JsonObject o && o["default_member_permissions"] is JsonValue v && v.TryGetValue<string>(out var s) && ulong.TryParse(s, out var bits))
            {
                o["default_member_permissions"] = bits;
            }
        }
    }
}
