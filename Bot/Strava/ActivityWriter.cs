using System.Collections.Concurrent;
using Bot.Data.Repositories;
using Bot.Standings;

namespace Bot.Strava;

/// <summary>
/// The one writer of members' stored activities from Strava. Writes of one member are serialised, each runs inside
/// <see cref="RecordedRecompute"/> (so a change to a closed week's debt is recorded), and a listing cannot undo a newer
/// write: a window listing takes a <see cref="Listing"/> ticket before its first page, and when it is written, every
/// activity that a webhook created, changed, renamed or deleted after the ticket keeps what the webhook wrote.
/// Nothing is written for a member who left: a fetch that was under way when they did finds nobody to write for.
/// </summary>
internal sealed class ActivityWriter(ActivityRepository activities, RecordedRecompute recompute, StravaLinkRepository links)
{
    private readonly ConcurrentDictionary<long, MemberWrites> _members = new();
    private long _sequence;

    /// <summary>Starts a listing of the member's activities: writes after this moment win over what it lists.</summary>
    public Listing BeginListing(long memberId)
    {
        var member = Member(memberId);
        var ticket = Interlocked.Increment(ref _sequence);
        lock (member.Journal)
        {
            member.OpenListings.Add(ticket);
        }

        return new Listing(this, memberId, ticket);
    }

    /// <summary>
    /// Makes the window what the listing saw, except for activities written since the listing began; then runs
    /// <paramref name="alsoAsync"/> (e.g. "back-fill done") inside the same recompute.
    /// </summary>
    public async Task<WindowSyncResult> ReplaceWindowAsync(
        Listing listing, DateTime fromLocal, DateTime toLocal, IReadOnlyList<ActivityRecord> records, string reason,
        Func<CancellationToken, Task>? alsoAsync, CancellationToken cancellationToken)
    {
        return await WriteLockedAsync(listing.MemberId, new WindowSyncResult(records.Count, 0, 0), member =>
        {
            var newer = member.WrittenSince(listing.Ticket);
            var fresh = newer.Count == 0 ? records : records.Where(r => !newer.Contains(r.Id)).ToList();
            return recompute.RecomputeMemberAsync(listing.MemberId, reason, async ct =>
            {
                var written = await activities.ReplaceWindowAsync(listing.MemberId, fromLocal, toLocal, fresh, newer, ct);
                if (alsoAsync is not null)
                {
                    await alsoAsync(ct);
                }

                return written;
            }, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Stores one activity fetched by id; true when it was new or changed.</summary>
    public Task<bool> UpsertAsync(long memberId, ActivityRecord record, string reason, CancellationToken cancellationToken) =>
        WriteAsync(memberId, record.Id, reason, async ct => await activities.UpsertManyAsync([record], ct) > 0, cancellationToken);

    /// <summary>Deletes one of the member's activities; false when the member has none with this id.</summary>
    public Task<bool> DeleteAsync(long memberId, long activityId, string reason, CancellationToken cancellationToken) =>
        WriteAsync(memberId, activityId, reason, ct => activities.DeleteAsync(memberId, activityId, ct), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> while no write of the member's activities runs (a departure deleting them); the
    /// writes that wait meanwhile run afterwards and see what it left.
    /// </summary>
    public Task<T> ExclusiveAsync<T>(long memberId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        LockedAsync(memberId, _ => work(cancellationToken), cancellationToken);

    private Task<bool> WriteAsync(
        long memberId, long activityId, string reason, Func<CancellationToken, Task<bool>> write, CancellationToken cancellationToken) =>
        WriteLockedAsync(memberId, false, member =>
        {
            member.Touch(activityId, Interlocked.Increment(ref _sequence));
            return recompute.RecomputeMemberAsync(memberId, reason, write, cancellationToken);
        }, cancellationToken);

    // Checked under the gate, which a departure holds while it deletes: a write that waited for it sees the member gone.
    private Task<T> WriteLockedAsync<T>(long memberId, T whenLeft, Func<MemberWrites, Task<T>> work, CancellationToken cancellationToken) =>
        LockedAsync(memberId, async member => await links.HasLeftAsync(memberId, cancellationToken) ? whenLeft : await work(member), cancellationToken);

    // One write of a member at a time.
    private async Task<T> LockedAsync<T>(long memberId, Func<MemberWrites, Task<T>> work, CancellationToken cancellationToken)
    {
        var member = Member(memberId);
        await member.Gate.WaitAsync(cancellationToken);
        try
        {
            return await work(member);
        }
        finally
        {
            member.Gate.Release();
        }
    }

    private MemberWrites Member(long memberId) => _members.GetOrAdd(memberId, static _ => new MemberWrites());

    private void EndListing(long memberId, long ticket)
    {
        if (_members.TryGetValue(memberId, out var member))
        {
            member.Close(ticket);
        }
    }

    /// <summary>A listing in progress; dispose it when its result is written or dropped.</summary>
    internal sealed class Listing(ActivityWriter store, long memberId, long ticket) : IDisposable
    {
        public long MemberId { get; } = memberId;

        public long Ticket { get; } = ticket;

        public void Dispose() => store.EndListing(MemberId, Ticket);
    }

    /// <summary>One member's write gate and which activities were written when, kept only while a listing may need it.</summary>
    private sealed class MemberWrites
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<long, long> Journal { get; } = [];

        public List<long> OpenListings { get; } = [];

        public void Touch(long activityId, long sequence)
        {
            lock (Journal)
            {
                if (OpenListings.Count > 0)
                {
                    Journal[activityId] = sequence;
                }
            }
        }

        public HashSet<long> WrittenSince(long ticket)
        {
            lock (Journal)
            {
                return Journal.Where(e => e.Value > ticket).Select(e => e.Key).ToHashSet();
            }
        }

        public void Close(long ticket)
        {
            lock (Journal)
            {
                OpenListings.Remove(ticket);
                if (OpenListings.Count == 0)
                {
                    Journal.Clear();
                }
                else
                {
                    // Entries older than every open listing can no longer matter.
                    var oldest = OpenListings.Min();
                    foreach (var stale in Journal.Where(e => e.Value <= oldest).Select(e => e.Key).ToList())
                    {
                        Journal.Remove(stale);
                    }
                }
            }
        }
    }
}
