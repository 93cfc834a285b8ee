namespace Bot.Configuration;

/// <summary>Turns an IANA id into a time zone, and a time zone into the challenge's "today".</summary>
public static class ChallengeTimeZone
{
    public static TimeZoneInfo Resolve(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Local;
        }

        return TryResolve(id, out var zone)
            ? zone
            : throw new ConfigurationException($"CHALLENGE_TIME_ZONE '{id}' is not a known IANA time zone (e.g. Europe/Vienna)");
    }

    public static bool TryResolve(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    public static DateOnly Today(TimeZoneInfo zone, TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}
