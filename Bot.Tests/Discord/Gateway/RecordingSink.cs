using System.Collections.Concurrent;
using Bot.Discord.Gateway;

namespace Bot.Tests.Discord.Gateway;

internal sealed class RecordingSink : IGatewayEventSink
{
    private readonly ConcurrentQueue<GatewayDispatch> _received = new();

    public Action<GatewayDispatch>? OnPost { get; set; }

    public IReadOnlyList<GatewayDispatch> Received => [.. _received];

    public void Post(GatewayDispatch dispatch)
    {
        _received.Enqueue(dispatch);
        OnPost?.Invoke(dispatch);
    }
}
