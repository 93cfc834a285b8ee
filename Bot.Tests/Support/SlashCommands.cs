using System.Text.Json;
using Bot.Tests.Discord.Gateway;

namespace Bot.Tests.Support;

/// <summary>
/// Slash commands sent to the real bot through the fake Discord gateway, and what the bot answered on the fake's REST
/// side: the edit of its ephemeral deferral (the private answer) and its follow-up posts (the public report).
/// </summary>
internal sealed class SlashCommands(FakeDiscordGateway discord, long guild)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    // Shared by every instance: a fixture that keeps one bot (and one fake Discord) for many tests never reuses a token.
    private static int _interaction = 7000;

    /// <param name="expectPublic">Wait for the public report; otherwise whatever was posted shortly after the private answer.</param>
    public async Task<(FakeRestRequest Private, IReadOnlyList<FakeRestRequest> Public)> InvokeAsync(
        string command, string optionsJson = "[]", long user = 301, bool inGuild = true, string permissions = "0", bool expectPublic = false)
    {
        var token = Send(command, optionsJson, user, inGuild, permissions);
        bool Mine(FakeRestRequest r) => r.IsFor(token);
        await Eventually.ThatAsync(() => discord.RestRequests.Any(r => r.Method == "PATCH" && Mine(r)), $"the answer to /{command}", Patience);
        if (expectPublic)
        {
            await Eventually.ThatAsync(() => Posts(discord.RestRequests.Where(Mine)).Any(), $"the public report of /{command}", Patience);
        }
        else
        {
            await Task.Delay(300);
        }

        var mine = discord.RestRequests.Where(Mine).ToList();
        var defer = mine.Single(r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
        using (var body = JsonDocument.Parse(defer.Body))
        {
            Assert.That(body.RootElement.GetProperty("data").GetProperty("flags").GetInt32(), Is.EqualTo(64), "deferred ephemerally");
        }

        return (mine.First(r => r.Method == "PATCH"), Posts(mine).ToList());
    }

    /// <summary>Dispatches the interaction without waiting for its answer; returns its token.</summary>
    public string Send(string command, string optionsJson = "[]", long user = 301, bool inGuild = true, string permissions = "0")
    {
        var id = Interlocked.Increment(ref _interaction);
        var token = $"token-{id}";
        var invoker = $"{{\"id\":\"{user}\",\"username\":\"u{user}\"}}";
        var where = inGuild
            ? $"\"guild_id\":\"{guild}\",\"member\":{{\"user\":{invoker},\"permissions\":\"{permissions}\"}}"
            : $"\"user\":{invoker}";
        discord.Connections[^1].SendDispatch("INTERACTION_CREATE", $$$"""
            {"id":"{{{id}}}","application_id":"111","type":2,"token":"{{{token}}}","version":1,"channel_id":"77",{{{where}}},
             "data":{"id":"1","name":"{{{command}}}","type":1,"options":{{{optionsJson}}}}}
            """);
        return token;
    }

    /// <summary>The embeds' titles and descriptions of the messages, decoded (pictures, sent as multipart, are left out).</summary>
    public static string Text(IEnumerable<FakeRestRequest> posts) => string.Concat(posts.Where(p => p.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) == true).Select(post =>
    {
        using var body = JsonDocument.Parse(post.Body);
        return string.Concat(body.RootElement.GetProperty("embeds").EnumerateArray()
            .Select(e => $"{e.GetProperty("title").GetString()}\n{e.GetProperty("description").GetString()}\n"));
    }));

    private static IEnumerable<FakeRestRequest> Posts(IEnumerable<FakeRestRequest> requests) =>
        requests.Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal));
}
