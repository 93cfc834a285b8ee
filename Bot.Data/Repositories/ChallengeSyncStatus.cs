namespace Bot.Data.Repositories;

/// <summary>
/// How current a challenge's stored activities are: over its linked participants, the oldest and newest
/// last sync, and how many were never synced. "Data as of" is <see cref="OldestUtc"/>.
/// </summary>
public sealed record ChallengeSyncStatus(int LinkedMembers, int NeverSynced, DateTime? OldestUtc, DateTime? NewestUtc);
