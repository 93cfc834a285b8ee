using System.Globalization;
using Bot.Data.Queries;
using Bot.Scoring;
using Bot.Standings;

namespace Bot.Commands;

/// <summary>What the answers say beside a member whose weeks are not computed from their activities: syncing, or left.</summary>
internal static class MemberNotes
{
    /// <summary>The member's state and its note: "last sync …" while syncing, "left on DATE" (in <paramref name="zone"/>) after leaving.</summary>
    public static (MemberState State, string? Note) Of(SeasonMemberRow member, TimeZoneInfo? zone)
    {
        var state = SeasonInputMapper.State(member);
        return (state, state switch
        {
            MemberState.Left => string.Create(CultureInfo.InvariantCulture, $"left on {SeasonInputMapper.LeftOn(member.LeftAtUtc!.Value, zone):yyyy-MM-dd}"),
            MemberState.Syncing => "last sync " + (member.LastSyncUtc is { } at ? SyncNote.Stamp(at) : "never"),
            _ => null,
        });
    }
}
