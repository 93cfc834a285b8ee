using System.Globalization;
using Bot.Data.Repositories;
using Bot.Strava.Api;

namespace Bot.Strava;

/// <summary>Turns Strava's activity JSON into the stored record, or names what is missing.</summary>
internal static class ActivityMapper
{
    /// <summary>The record, or null with <paramref name="problem"/> naming the field that is missing or malformed.</summary>
    public static ActivityRecord? Map(StravaActivity activity, long memberId, out string? problem)
    {
        problem = null;
        if (activity.Id is not { } id || id <= 0)
        {
            problem = "an activity without an id";
            return null;
        }

        if (!TryParse(activity.StartDate, out var start))
        {
            problem = $"activity {id} has no valid start_date";
            return null;
        }

        // start_date_local is wall-clock time printed with a Z: keep the digits, drop the zone.
        if (!TryParse(activity.StartDateLocal, out var local))
        {
            problem = $"activity {id} has no valid start_date_local";
            return null;
        }

        if (activity.MovingTime is < 0 || activity.ElapsedTime is < 0)
        {
            problem = $"activity {id} has a negative duration";
            return null;
        }

        return new ActivityRecord(
            id,
            memberId,
            activity.Name,
            activity.Type,
            activity.SportType ?? activity.Type,
            start.UtcDateTime,
            DateTime.SpecifyKind(local.DateTime, DateTimeKind.Unspecified),
            activity.Timezone,
            activity.MovingTime ?? activity.ElapsedTime ?? 0,
            activity.ElapsedTime ?? activity.MovingTime ?? 0,
            activity.Distance ?? 0,
            activity.TotalElevationGain ?? 0,
            activity.Map?.SummaryPolyline);
    }

    private static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
}
