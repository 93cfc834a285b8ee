using System.Text.Json;
using Bot.Tests.Discord.Gateway;

namespace Bot.Tests.Web;

/// <summary>Sends a slash command through the fake Discord gateway and returns the private answer (the edit of the ephemeral defer).</summary>
internal static class Interactions
{
    private static int _next;

    public static async Task<string> InvokeAsync(FakeDiscordGateway discord, string command, long user, long? guild = WebTestHost.Guild, string optionsJson = "[]", bool assertContent = true)
    {
        await Eventually.ThatAsync(() => discord.Connections.Count > 0 && discord.Connections[^1].FramesOp(2).Any(), "IDENTIFY", TimeSpan.FromSeconds(60));
        var id = 9000 + Interlocked.Increment(ref _next);
        var token = $"web-interaction-{id}";
        var invoker = $"{{\"id\":\"{user}\",\"username\":\"u{user}\"}}";
        var where = guild is { } g
            ? $"\"guild_id\":\"{g}\",\"member\":{{\"user\":{invoker},\"permissions\":\"0\"}}"
            : $"\"user\":{invoker}";
        discord.Connections[^1].SendDispatch("INTERACTION_CREATE", $$$"""
            {"id":"{{{id}}}","application_id":"111","type":2,"token":"{{{token}}}","version":1,"channel_id":"77",{{{where}}},
             "data":{"id":"1","name":"{{{command}}}","type":1,"options":{{{optionsJson}}}}}
            """);
        await Eventually.ThatAsync(() => discord.RestRequests.Any(r => r.Method == "PATCH" && r.IsFor(token)),
            $"the answer to /{command}", TimeSpan.FromSeconds(30));
        var mine = discord.RestRequests.Where(r => r.IsFor(token)).ToList();
        using var defer = JsonDocument.Parse(mine.Single(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)).Body);
        Assert.That(defer.RootElement.GetProperty("data").GetProperty("flags").GetInt32(), Is.EqualTo(64), $"/{command} deferred ephemerally");
        using var edit = JsonDocument.Parse(mine.First(r => r.Method == "PATCH").Body);
        return assertContent ? edit.RootElement.GetProperty("content").GetString()! : edit.RootElement.GetRawText();
    }
}
