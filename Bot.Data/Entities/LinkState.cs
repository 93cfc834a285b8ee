namespace Bot.Data.Entities;

/// <summary>Whether the bot can currently call Strava for a member. Stored as its name.</summary>
public enum LinkState
{
    Linked,
    NeedsRelink,
    Unlinked,
}
