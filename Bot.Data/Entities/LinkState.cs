namespace Bot.Data.Entities;

/// <summary>Whether the bot can currently call Strava for a member. Stored as its name.</summary>
public enum LinkState
{
    Linked,
    NeedsRelink,
    Unlinked,

    /// <summary>The member authorized the bot without the permission to read activities; no tokens are held.</summary>
    NarrowScope,
}
