using System.Globalization;
using Bot.Data.Repositories;
using Bot.Strava;

namespace Bot.Commands;

/// <summary>
/// "When was the activity data last synced" for the ledger: commands read the database only, so they
/// say how current it is, and whether Strava is paused by its rate limits.
/// </summary>
internal static class SyncNote
{
    public static string For(ChallengeSyncStatus status, GovernorState? governor)
    {
        var note = status switch
        {
            { LinkedMembers: 0 } => "activity data: nobody linked to Strava yet",
            { OldestUtc: null } => "activity data: not synced yet",
            { OldestUtc: { } oldest, NeverSynced: 0 } => $"activity data as of {Stamp(oldest)}",
            { OldestUtc: { } oldest, NeverSynced: var missing } => $"activity data as of {Stamp(oldest)} ({missing} member(s) not synced yet)",
        };
        if (governor is { IsOpen: false, ClosedUntil: { } until })
        {
            note += $" · Strava paused by its rate limit until {Stamp(until.UtcDateTime)}";
        }

        return note;
    }

    internal static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
