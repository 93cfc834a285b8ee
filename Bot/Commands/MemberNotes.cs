using Bot.Data.Queries;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>What the answers say beside a member whose weeks are not computed from their activities: syncing, or left.</summary>
internal static class MemberNotes
{
    /// <summary>The member's state and its note: "last sync …" while syncing, "left on DATE" (in <paramref name="zone"/>) after leaving.</summary>
    public static (MemberState State, string? Note) Of(SeasonMemberRow member, TimeZoneInfo? zone, Language language = Language.English)
    {
        var state = SeasonInputMapper.State(member);
        return (state, state switch
        {
            MemberState.Left => Catalog.Text(language, "note.left", Formats.ShortDate(language, SeasonInputMapper.LeftOn(member.LeftAtUtc!.Value, zone))),
            MemberState.Syncing => Catalog.Text(language, "note.last_sync", member.LastSyncUtc is { } at ? SyncNote.Stamp(at) : Catalog.Text(language, "note.never")),
            _ => null,
        });
    }
}
