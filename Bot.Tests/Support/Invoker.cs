namespace Bot.Tests.Support;

/// <summary>How the member sending a slash command appears in the interaction (Discord's user object).</summary>
internal sealed record Invoker(string Username, string? GlobalName = null);
