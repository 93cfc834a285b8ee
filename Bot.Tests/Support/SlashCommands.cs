using System.Text.Json;
using Bot.Tests.Discord.Gateway;

namespace Bot.Tests.Support;

/// <summary>
/// Slash commands sent to the bot (the real process or the in-process host) through the fake Discord gateway, and
/// what the bot answered on the fake's REST side: the edit of its ephemeral deferral (the private answer) and its
/// follow-up posts (the public report, pictures and files). Every test that sends a command goes through here.
/// </summary>
internal sealed class SlashCommands(FakeDiscordGateway discord, long guild)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Shared by every instance: a fixture that keeps one bot (and one fake Discord) for many tests never reuses a token.
    private static int _interaction = 7000;

    /// <param name="expectPublic">Wait for the public report.</param>
    /// <param name="files">Wait for a post with files (multipart).</param>
    /// <param name="settle">How long to collect what follows the awaited answers (default: 300 ms unless a public report was awaited).</param>
    /// <param name="extra">More of the interaction's JSON, e.g. <c>"attachment_size_limit":100,</c>.</param>
    public async Task<(FakeRestRequest Private, IReadOnlyList<FakeRestRequest> Public)> InvokeAsync(
        string command, string optionsJson = "[]", long user = 301, bool inGuild = true, string permissions = "0", bool expectPublic = false,
        int files = 0, TimeSpan? settle = null, string extra = "", Invoker? invoker = null)
    {
        var token = Send(command, optionsJson, user, inGuild, permissions, extra, invoker);
        await AnsweredAsync(token, $"/{command}");
        if (expectPublic)
        {
            await Eventually.ThatAsync(() => Posts(Mine(token)).Any(), $"the public report of /{command}", Patience);
        }

        if (files > 0)
        {
            await Eventually.ThatAsync(() => Mine(token).Any(HasFiles), $"the files of /{command}", Patience);
        }

        await Task.Delay(settle ?? (expectPublic ? TimeSpan.Zero : TimeSpan.FromMilliseconds(300)));
        var mine = Mine(token);
        var defer = mine.Single(r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
        using (var body = JsonDocument.Parse(defer.Body))
        {
            Assert.That(body.RootElement.GetProperty("data").GetProperty("flags").GetInt32(), Is.EqualTo(64), $"/{command} deferred ephemerally");
        }

        return (mine.First(r => r.Method == "PATCH"), Posts(mine).ToList());
    }

    /// <summary>Once the bot has identified: sends the command and returns the content of its private answer (with <paramref name="raw"/>, the whole edit's JSON).</summary>
    public async Task<string> PrivateAnswerAsync(string command, long user, string optionsJson = "[]", bool inGuild = true, bool raw = false)
    {
        await IdentifiedAsync();
        var (answer, _) = await InvokeAsync(command, optionsJson, user, inGuild, settle: TimeSpan.Zero);
        using var edit = JsonDocument.Parse(answer.Body);
        return raw ? edit.RootElement.GetRawText() : edit.RootElement.GetProperty("content").GetString()!;
    }

    /// <summary>Waits until the bot has identified on the fake gateway, so an interaction can be dispatched to it.</summary>
    public Task IdentifiedAsync() =>
        Eventually.ThatAsync(() => discord.Connections.Count > 0 && discord.Connections[^1].FramesOp(2).Any(), "IDENTIFY", TimeSpan.FromSeconds(60));

    /// <summary>Dispatches the interaction without waiting for its answer; returns its token.</summary>
    public string Send(string command, string optionsJson = "[]", long user = 301, bool inGuild = true, string permissions = "0", string extra = "", Invoker? invoker = null)
    {
        var id = Interlocked.Increment(ref _interaction);
        var token = $"token-{id}";
        var who = invoker ?? new Invoker($"u{user}");
        var globalName = who.GlobalName is null ? "" : $",\"global_name\":\"{who.GlobalName}\"";
        var userJson = $"{{\"id\":\"{user}\",\"username\":\"{who.Username}\"{globalName}}}";
        var where = inGuild
            ? $"\"guild_id\":\"{guild}\",\"member\":{{\"user\":{userJson},\"permissions\":\"{permissions}\"}}"
            : $"\"user\":{userJson}";
        discord.Connections[^1].SendDispatch("INTERACTION_CREATE", $$$"""
            {"id":"{{{id}}}","application_id":"111","type":2,"token":"{{{token}}}","version":1,"channel_id":"77",{{{extra}}}{{{where}}},
             "data":{"id":"1","name":"{{{command}}}","type":1,"options":{{{optionsJson}}}}}
            """);
        return token;
    }

    /// <summary>Waits for the private answer (the edit of the deferral) to the interaction with this token.</summary>
    public Task AnsweredAsync(string token, string what, TimeSpan? patience = null) =>
        Eventually.ThatAsync(() => Mine(token).Any(r => r.Method == "PATCH"), $"the answer to {what}", patience ?? Patience);

    /// <summary>Every request the bot made about the interaction with this token (exactly this token, see <see cref="FakeRestRequest.IsFor"/>).</summary>
    public List<FakeRestRequest> Mine(string token) => [.. discord.RestRequests.Where(r => r.IsFor(token))];

    /// <summary>
    /// The titles and descriptions of the public posts answering <paramref name="token"/>, once the private answer
    /// arrived and every page <paramref name="names"/> appear on has been posted (or 30 s passed: the assertions say what is missing).
    /// </summary>
    public async Task<string> PublicTextAsync(string token, IReadOnlyCollection<string> names)
    {
        await AnsweredAsync(token, $"interaction {token}", TimeSpan.FromSeconds(60));
        SpinWait.SpinUntil(() => names.All(Text(Posts(Mine(token))).Contains), Patience);
        return Text(Posts(Mine(token)));
    }

    /// <summary>The embeds' titles and descriptions of the messages, decoded (pictures, sent as multipart, are left out).</summary>
    public static string Text(IEnumerable<FakeRestRequest> posts) => string.Concat(JsonPosts(posts).Select(post =>
    {
        using var body = JsonDocument.Parse(post.Body);
        return string.Concat(body.RootElement.GetProperty("embeds").EnumerateArray()
            .Select(e => $"{e.GetProperty("title").GetString()}\n{e.GetProperty("description").GetString()}\n"));
    }));

    /// <summary>The messages with embeds only (no files).</summary>
    public static List<FakeRestRequest> JsonPosts(IEnumerable<FakeRestRequest> posts) =>
        [.. posts.Where(p => p.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) == true)];

    /// <summary>Whether the message carries files (sent as multipart).</summary>
    public static bool HasFiles(FakeRestRequest request) => request.Header("Content-Type")?.StartsWith("multipart/", StringComparison.Ordinal) == true;

    private static IEnumerable<FakeRestRequest> Posts(IEnumerable<FakeRestRequest> requests) =>
        requests.Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal));
}
