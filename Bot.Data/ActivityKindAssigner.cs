using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data;

/// <summary>
/// Points every added or changed activity at the <see cref="ActivityKind"/> of its (type, sport type),
/// adding kinds not seen before. Runs in SaveChanges, so every writer keeps the number in step with
/// the strings; writes run in one IMMEDIATE transaction at a time, so no kind is added twice.
/// </summary>
internal static class ActivityKindAssigner
{
    public static void Assign(ChallengeDbContext context)
    {
        var pending = Pending(context);
        if (pending.Count > 0)
        {
            Link(context, pending, [.. context.ActivityKinds]);
        }
    }

    public static async Task AssignAsync(ChallengeDbContext context, CancellationToken cancellationToken)
    {
        var pending = Pending(context);
        if (pending.Count > 0)
        {
            Link(context, pending, await context.ActivityKinds.ToListAsync(cancellationToken));
        }
    }

    private static List<Activity> Pending(ChallengeDbContext context)
    {
        context.ChangeTracker.DetectChanges();
        return context.ChangeTracker.Entries<Activity>()
            .Where(entry => entry.State == EntityState.Added ||
                (entry.State == EntityState.Modified &&
                 (entry.Property(a => a.Type).IsModified || entry.Property(a => a.SportType).IsModified)))
            .Select(entry => entry.Entity)
            .ToList();
    }

    private static void Link(ChallengeDbContext context, List<Activity> activities, List<ActivityKind> known)
    {
        // The tracked kinds include ones this save adds (and those loaded just now).
        var kinds = context.ChangeTracker.Entries<ActivityKind>().Select(e => e.Entity).Concat(known).Distinct()
            .ToDictionary(k => (k.Type, k.SportType));
        foreach (var activity in activities)
        {
            if (!kinds.TryGetValue((activity.Type, activity.SportType), out var kind))
            {
                kind = new ActivityKind { Type = activity.Type, SportType = activity.SportType };
                context.ActivityKinds.Add(kind);
                kinds.Add((kind.Type, kind.SportType), kind);
            }

            activity.Kind = kind;
        }

        // Writers that turned automatic change detection off still get the new links saved.
        context.ChangeTracker.DetectChanges();
    }
}
