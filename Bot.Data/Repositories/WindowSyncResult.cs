namespace Bot.Data.Repositories;

/// <summary>What a window sync did: activities Strava listed, rows inserted or changed, stored rows deleted.</summary>
public sealed record WindowSyncResult(int Listed, int Written, int Deleted);
