using System.Globalization;

namespace Bot.Configuration;

/// <summary>
/// Where the bot's calendar clock starts. Unset in production: the bot lives in the present. Set, the
/// challenge's "today" starts at that instant and runs on in real time, for replaying a past season
/// (tests, demos). Only wall-clock reads move; timers, timeouts and Discord deadlines are untouched.
/// </summary>
public sealed class ClockOptions
{
    [ConfigurationKeyName("CLOCK_START_UTC")]
    public string? StartUtc { get; set; }

    public bool TryParseStart(out DateTimeOffset start) =>
        DateTimeOffset.TryParse(StartUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out start);
}
