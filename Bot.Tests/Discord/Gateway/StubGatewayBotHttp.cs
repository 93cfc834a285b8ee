using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Bot.Tests.Discord.Gateway;

/// <summary>Answers GET /gateway/bot from a queue of scripted responses (the last one repeats) and records requests.</summary>
internal sealed class StubGatewayBotHttp : HttpMessageHandler, IHttpClientFactory
{
    private readonly ConcurrentQueue<(HttpStatusCode Status, string Body)> _responses = new();
    private (HttpStatusCode Status, string Body) _last;

    public StubGatewayBotHttp(string url = "wss://gateway.test", int remaining = 1000, int resetAfterMs = 0)
    {
        _last = (HttpStatusCode.OK, Body(url, remaining, resetAfterMs));
    }

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public static string Body(string url, int remaining, int resetAfterMs) =>
        $$$"""{"url":"{{{url}}}","shards":1,"session_start_limit":{"total":1000,"remaining":{{{remaining}}},"reset_after":{{{resetAfterMs}}},"max_concurrency":1}}""";

    public void Enqueue(HttpStatusCode status, string body) => _responses.Enqueue((status, body));

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (_responses.TryDequeue(out var next))
        {
            _last = next;
        }

        return new HttpResponseMessage(_last.Status) { Content = new StringContent(_last.Body, Encoding.UTF8, "application/json") };
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));
}
