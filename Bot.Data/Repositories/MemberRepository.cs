using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

public sealed class MemberRepository(IDbContextFactory<ChallengeDbContext> contextFactory, TimeProvider timeProvider)
{
    public Task<MemberRow?> GetByDiscordUserIdAsync(long discordUserId, CancellationToken cancellationToken = default) =>
        GetAsync(m => m.DiscordUserId == discordUserId, cancellationToken);

    public Task<MemberRow?> GetByStravaAthleteIdAsync(long stravaAthleteId, CancellationToken cancellationToken = default) =>
        GetAsync(m => m.StravaAthleteId == stravaAthleteId, cancellationToken);

    /// <summary>The challenge's participants with their names, ordered by participation id.</summary>
    public async Task<IReadOnlyList<ParticipantRow>> ListParticipantsAsync(
        long challengeId,
        CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await Participants(context.Participations.Where(p => p.ChallengeId == challengeId).OrderBy(p => p.Id))
                .ToListAsync(cancellationToken);
        }
    }

    public async Task<ParticipantRow?> GetParticipationAsync(
        long challengeId,
        long memberId,
        CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await Participants(context.Participations.Where(p => p.ChallengeId == challengeId && p.MemberId == memberId))
                .SingleOrDefaultAsync(cancellationToken);
        }
    }

    /// <summary>Adds the member to the challenge with <paramref name="jokers"/> jokers; returns the existing participation if any.</summary>
    public async Task<ParticipantRow> JoinAsync(
        long challengeId,
        long memberId,
        int jokers,
        bool consentToReports,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jokers);
        await WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var exists = await context.Participations.AnyAsync(p => p.ChallengeId == challengeId && p.MemberId == memberId, ct);
            if (!exists)
            {
                context.Participations.Add(new Participation
                {
                    ChallengeId = challengeId,
                    MemberId = memberId,
                    ConsentToReports = consentToReports,
                    JokersLeft = jokers,
                    JoinedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
                });
            }

            return exists;
        }, cancellationToken);
        return (await GetParticipationAsync(challengeId, memberId, cancellationToken))!;
    }

    /// <summary>
    /// Removes the Discord user from the challenge (their participation, jokers and legacy results; the
    /// member's link and activities stay for other seasons). False when they were not in it.
    /// </summary>
    public Task<bool> RemoveFromChallengeAsync(long challengeId, long discordUserId, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var participation = await context.Participations
                .SingleOrDefaultAsync(p => p.ChallengeId == challengeId && p.Member.DiscordUserId == discordUserId, ct);
            if (participation is null)
            {
                return false;
            }

            context.Participations.Remove(participation);
            return true;
        }, cancellationToken);

    /// <summary>False when there is no such participation.</summary>
    public Task<bool> SetConsentAsync(long participationId, bool consentToReports, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var participation = await context.Participations.SingleOrDefaultAsync(p => p.Id == participationId, ct);
            if (participation is null)
            {
                return false;
            }

            participation.ConsentToReports = consentToReports;
            return true;
        }, cancellationToken);

    /// <summary>Deletes the member with its activities, participations, joker weeks and sync state.</summary>
    public async Task<bool> DeleteAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Members.Where(m => m.Id == memberId).ExecuteDeleteAsync(cancellationToken) > 0;
        }
    }

    private async Task<MemberRow?> GetAsync(
        System.Linq.Expressions.Expression<Func<Member, bool>> predicate,
        CancellationToken cancellationToken)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Members.AsNoTracking()
                .Where(predicate)
                .Select(m => new MemberRow(
                    m.Id,
                    m.DiscordUserId,
                    m.StravaAthleteId,
                    m.FirstName,
                    m.LastName,
                    m.ProfileMediumUrl,
                    m.LinkState,
                    m.Scopes,
                    m.TokenExpiresAtUtc,
                    m.CreatedAtUtc,
                    m.UpdatedAtUtc))
                .SingleOrDefaultAsync(cancellationToken);
        }
    }

    private static IQueryable<ParticipantRow> Participants(IQueryable<Participation> participations) =>
        participations.AsNoTracking().Select(p => new ParticipantRow(
            p.Id,
            p.ChallengeId,
            p.MemberId,
            p.Member.DiscordUserId,
            p.Member.FirstName,
            p.Member.LastName,
            p.Member.StravaAthleteId,
            p.ConsentToReports,
            p.JokersLeft));
}
