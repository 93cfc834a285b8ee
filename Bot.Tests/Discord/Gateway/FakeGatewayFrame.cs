using System.Text.Json;

namespace Bot.Tests.Discord.Gateway;

/// <summary>A frame the fake gateway received, stamped with <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> on arrival.</summary>
internal sealed record FakeGatewayFrame(int Op, JsonElement Data, long Timestamp);
