using System.Text.Json;

namespace Bot.Discord.Gateway;

/// <summary>
/// One op-0 dispatch as the read loop hands it over: the event name, its sequence, its <c>d</c>
/// (an owned copy, valid after the frame buffer is reused) and when it was received, as
/// <see cref="TimeProvider.GetTimestamp"/> — the monotonic clock the 3-second budget is measured on.
/// </summary>
public sealed record GatewayDispatch(string EventName, long Sequence, JsonElement Data, long ReceivedTimestamp);
