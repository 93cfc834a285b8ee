using System.Diagnostics;

namespace Bot.Tests.Discord.Rest;

internal static class RestTiming
{
    public static TimeSpan Between(RecordedRequest first, RecordedRequest second) =>
        TimeSpan.FromSeconds((second.Timestamp - first.Timestamp) / (double)Stopwatch.Frequency);

    /// <summary>The time between two arrivals on the server's <see cref="FakeDiscordRest.Clock"/>.</summary>
    public static TimeSpan OnClock(RecordedRequest first, RecordedRequest second) => second.ClockAt - first.ClockAt;
}
