using System.Text.Json.Nodes;

namespace Bot.Tests.Support;

/// <summary>Compares JSON by value: key order and white space do not matter, numbers compare exactly.</summary>
internal static class JsonAssert
{
    public static void AreEquivalent(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                Assert.That(actual, Is.InstanceOf<JsonObject>(), path);
                var actualObject = (JsonObject)actual!;
                Assert.That(actualObject.Select(p => p.Key).Order(), Is.EqualTo(expectedObject.Select(p => p.Key).Order()), $"{path} keys");
                foreach (var (key, value) in expectedObject)
                {
                    AreEquivalent(value, actualObject[key], $"{path}.{key}");
                }

                break;
            case JsonArray expectedArray:
                Assert.That(actual, Is.InstanceOf<JsonArray>(), path);
                var actualArray = (JsonArray)actual!;
                Assert.That(actualArray, Has.Count.EqualTo(expectedArray.Count), $"{path} length");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AreEquivalent(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            case JsonValue expectedValue when expectedValue.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                Assert.That(actual?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number), path);
                Assert.That(actual!.GetValue<decimal>(), Is.EqualTo(expectedValue.GetValue<decimal>()), path);
                break;
            default:
                Assert.That(actual?.ToJsonString(), Is.EqualTo(expected?.ToJsonString()), path);
                break;
        }
    }
}
