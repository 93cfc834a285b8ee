namespace Bot.Tests.Discord.Gateway;

/// <summary>An HTTP request the fake Discord received besides the gateway ones.</summary>
internal sealed record FakeRestRequest(string Method, string Path, string Head, string Body, long Timestamp);
