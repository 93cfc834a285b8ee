namespace Bot.Discord.Gateway;

/// <summary>
/// Receives dispatches from the gateway read loop. <see cref="Post"/> must return at once (queue and
/// go): the read loop and the heartbeat never wait on what a sink does with an event.
/// </summary>
public interface IGatewayEventSink
{
    void Post(GatewayDispatch dispatch);
}
