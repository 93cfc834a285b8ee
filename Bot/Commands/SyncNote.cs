using System.Globalization;
using Bot.Data.Repositories;
using Bot.Strava;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>
/// "When was the activity data last synced" for the ledger: commands read the database only, so they
/// say how current it is, and whether Strava is paused by its rate limits.
/// </summary>
internal static class SyncNote
{
    public static string For(ChallengeSyncStatus status, GovernorState? governor, Language language = Language.English)
    {
        var note = status switch
        {
            { LinkedMembers: 0 } => Catalog.Text(language, "sync.nobody_linked"),
            { OldestUtc: null } => Catalog.Text(language, "sync.not_synced"),
            { OldestUtc: { } oldest, NeverSynced: 0 } => Catalog.Text(language, "sync.as_of", Stamp(oldest)),
            { OldestUtc: { } oldest, NeverSynced: var missing } => Catalog.Text(language, "sync.as_of_missing", Stamp(oldest), missing),
        };
        if (governor is { IsOpen: false, ClosedUntil: { } until })
        {
            note += Catalog.Text(language, "sync.paused", Stamp(until.UtcDateTime));
        }

        return note;
    }

    internal static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
