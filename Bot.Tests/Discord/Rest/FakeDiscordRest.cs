using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Discord.Rest;

/// <summary>
/// Discord's REST API on Kestrel at 127.0.0.1:0: answers are scripted per method and path pattern
/// (consumed in order, the last one repeating), every request is recorded with its arrival time.
/// Unscripted callbacks get 204, other routes 200 <c>{}</c>.
/// </summary>
internal sealed class FakeDiscordRest : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<ScriptEntry> _scripts = [];
    private readonly Lock _lock = new();

    private FakeDiscordRest(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The clock every request's <see cref="RecordedRequest.ClockAt"/> is read from: the client's fake clock where a test drives one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeDiscordRest> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeDiscordRest(builder.Build());
        await fake._app.StartAsync();
        fake.BaseUrl = new Uri(fake._app.Urls.First() + "/api/v10");
        return fake;
    }

    /// <summary>Scripts answers for requests whose method matches and whose path (after /api/v10) matches the regex.</summary>
    public void Script(string method, string pathPattern, params FakeResponse[] responses)
    {
        lock (_lock)
        {
            _scripts.Insert(0, new ScriptEntry(method, new Regex("^" + pathPattern + "$"), new Queue<FakeResponse>(responses)));
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPattern)
    {
        var regex = new Regex("^" + pathPattern + "$");
        return [.. _requests.Where(r => r.Method == method && regex.IsMatch(r.Path))];
    }

    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(string method, string pathPattern, int count, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var found = RequestsTo(method, pathPattern);
            if (found.Count >= count || Stopwatch.GetTimestamp() > deadline)
            {
                return found;
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        var clockAt = Clock.GetUtcNow();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var body = System.Text.Encoding.UTF8.GetString(bytes);
        var path = context.Request.Path.Value ?? "";
        path = path.StartsWith("/api/v10", StringComparison.Ordinal) ? path["/api/v10".Length..] : "!" + path;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, path, headers, body, arrived) { BodyBytes = bytes, ClockAt = clockAt });

        var response = Next(context.Request.Method, path);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    private FakeResponse Next(string method, string path)
    {
        lock (_lock)
        {
            foreach (var script in _scripts)
            {
                if (script.Method == method && script.Path.IsMatch(path))
                {
                    return script.Responses.Count > 1 ? script.Responses.Dequeue() : script.Responses.Peek();
                }
            }
        }

        return path.EndsWith("/callback", StringComparison.Ordinal) ? FakeResponse.NoContent : FakeResponse.Json("{}");
    }

    private sealed record ScriptEntry(string Method, Regex Path, Queue<FakeResponse> Responses);
}
