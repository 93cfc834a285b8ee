using System.Diagnostics;

namespace Bot.Tests.Discord.Rest;

internal static class RestTiming
{
    public static TimeSpan Between(RecordedRequest first, RecordedRequest second) =>
        TimeSpan.FromSeconds((second.Timestamp - first.Timestamp) / (double)Stopwatch.Frequency);
}
