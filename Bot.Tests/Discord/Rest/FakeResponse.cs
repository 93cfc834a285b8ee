namespace Bot.Tests.Discord.Rest;

/// <summary>A scripted answer of the fake REST server.</summary>
internal sealed record FakeResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse NoContent { get; } = new(204);

    public static FakeResponse Json(string body, int status = 200, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(h => h.Name, h => h.Value));

    public static FakeResponse Error(int status, int code, string message = "error") =>
        new(status, $$"""{"code":{{code}},"message":"{{message}}"}""");
}
