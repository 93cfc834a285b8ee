using System.Globalization;
using Bot.Data;
using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Testing.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Testing;

/// <summary>Stores what a <see cref="WorldBuilder"/> describes, through the migrator and the bot's own repositories.</summary>
internal static class WorldSeeder
{
    private const int ActivitiesPerWrite = 20_000;

    public static async Task<SeededWorld> SeedAsync(WorldBuilder world, CancellationToken cancellationToken)
    {
        var clock = new SeedClock(world.SeededAtUtc);
        await using var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddChallengeData(world.DatabasePath).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        long? challengeId = world.GuildId is { } guild
            ? (await services.GetRequiredService<ChallengeRepository>().SaveRulesAsync(guild, world.Season, world.RulesJson, cancellationToken)).Id
            : null;
        var seasonStart = SeasonCalendar.For(world.Season == 0 ? world.SeededAtUtc.Year : world.Season).Monday(1).ToDateTime(TimeOnly.MinValue);
        var members = new Dictionary<string, SeededMember>();
        var activities = new List<ActivityRecord>();
        foreach (var member in world.Members)
        {
            var id = member.Existing
                ? await FindMemberAsync(services, member, cancellationToken)
                : await AddMemberAsync(services, member, world.SeededAtUtc, cancellationToken);
            if (member.BackfillCompleted && member.Link is not null && !member.Existing)
            {
                clock.Now = member.BackfilledAtUtc ?? world.SeededAtUtc;
                await services.GetRequiredService<StravaSyncRepository>().RecordBackfillAsync(id, member.BackfilledFromLocal ?? seasonStart, cancellationToken);
                clock.Now = world.SeededAtUtc;
            }

            var participation = challengeId is { } challenge
                ? await JoinAsync(services, challenge, id, member.JokersLeft, member.JokerWeeks, member.ConsentToReports, cancellationToken)
                : (long?)null;
            await AddStatesAsync(services, member, id, participation, cancellationToken);
            if (member.Reminder is { } reminder && world.GuildId is { } server)
            {
                await services.GetRequiredService<ReminderRepository>().SwitchOnAsync(server, member.DiscordUserId!.Value, reminder.Day, reminder.MinuteOfDay, cancellationToken);
            }

            Name(members, world.Members, member, new SeededMember(id, participation));
            activities.AddRange(member.Activities.Select(activity => activity with { MemberId = id }));
        }

        foreach (var (season, firstAthleteId) in world.GeneratedSeasons)
        {
            activities.AddRange(await AddGeneratedAsync(services, challengeId, season, firstAthleteId, world.SeededAtUtc.UtcDateTime, cancellationToken));
        }

        if (world.ChannelSeed is { } channel && world.GuildId is { } channelGuild)
        {
            await AddChannelAsync(services, channelGuild, channel.ChannelId, channel.MilestonesSinceUtc, world.SeededAtUtc, cancellationToken);
        }

        var repository = services.GetRequiredService<ActivityRepository>();
        foreach (var chunk in activities.Chunk(ActivitiesPerWrite))
        {
            await repository.UpsertManyAsync(chunk, cancellationToken);
        }

        return new SeededWorld(challengeId ?? 0, members, activities.Count);
    }

    /// <summary>A member is found by first name; where first names repeat (two Monis in a scoring case), by full name.</summary>
    private static void Name(Dictionary<string, SeededMember> members, IReadOnlyList<MemberSeed> all, MemberSeed member, SeededMember seeded)
    {
        var unique = all.Count(m => m.FirstName == member.FirstName) == 1;
        members.Add(unique ? member.FirstName : $"{member.FirstName} {member.LastName}", seeded);
    }

    private static async Task<long> FindMemberAsync(ServiceProvider services, MemberSeed member, CancellationToken cancellationToken)
    {
        await using var context = await services.GetRequiredService<IDbContextFactory<ChallengeDbContext>>().CreateDbContextAsync(cancellationToken);
        return await context.Members.Where(m => m.DiscordUserId == member.DiscordUserId).Select(m => m.Id).SingleOrDefaultAsync(cancellationToken) is var id and > 0
            ? id
            : throw new InvalidOperationException($"{member.FirstName} ({member.DiscordUserId}) is not in the file yet.");
    }

    private static async Task<long> AddMemberAsync(ServiceProvider services, MemberSeed member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (member.Link is { } link && !member.Imported)
        {
            var linked = await services.GetRequiredService<StravaLinkRepository>().LinkAsync(link, cancellationToken);
            return linked.Conflict is null ? linked.MemberId : throw new InvalidOperationException(linked.Conflict);
        }

        // Imported from the old bot, or never linked: no repository creates such a member on its own.
        var row = new Member
        {
            FirstName = member.FirstName,
            LastName = member.LastName,
            DiscordUserId = member.DiscordUserId,
            StravaAthleteId = member.Link?.AthleteId,
            AccessToken = member.Link?.AccessToken,
            RefreshToken = member.Link?.RefreshToken,
            TokenExpiresAtUtc = member.Link?.ExpiresAtUtc,
            Scopes = member.Link?.Scopes,
            LinkState = member.Link is null ? LinkState.Unlinked : LinkState.Linked,
            CreatedAtUtc = now.UtcDateTime,
            UpdatedAtUtc = now.UtcDateTime,
        };
        await using var context = await services.GetRequiredService<IDbContextFactory<ChallengeDbContext>>().CreateDbContextAsync(cancellationToken);
        context.Members.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>
    /// What no repository writes on its own: a sync record with only a last sync, a member who left with their frozen weeks
    /// (<c>MemberDeparture</c> computes those from the season; a test states them), webhook events queued for their athlete.
    /// </summary>
    private static async Task AddStatesAsync(ServiceProvider services, MemberSeed member, long id, long? participationId, CancellationToken cancellationToken)
    {
        if (member.LastSyncOnlyUtc is null && member.LeftAtUtc is null && member.QueuedEvents.Count == 0)
        {
            return;
        }

        await using var context = await services.GetRequiredService<IDbContextFactory<ChallengeDbContext>>().CreateDbContextAsync(cancellationToken);
        if (member.LastSyncOnlyUtc is { } lastSync)
        {
            context.StravaSyncStates.Add(new StravaSyncState { MemberId = id, LastSyncAtUtc = lastSync.UtcDateTime });
        }

        if (member.LeftAtUtc is { } left)
        {
            var row = await context.Members.SingleAsync(m => m.Id == id, cancellationToken);
            (row.LeftAtUtc, row.LinkState) = (left.UtcDateTime, LinkState.Unlinked);
            if (participationId is { } participation)
            {
                (await context.Participations.SingleAsync(p => p.Id == participation, cancellationToken)).FrozenAtUtc = left.UtcDateTime;
                context.FrozenWeekResults.AddRange(member.FrozenWeeks.Select(week => week.Row(participation)));
            }
        }

        var athleteId = member.Link?.AthleteId;
        foreach (var (receivedAtUtc, processed) in member.QueuedEvents)
        {
            context.WebhookEvents.Add(TestData.NewWebhookEvent(athleteId ?? throw new InvalidOperationException($"{member.FirstName} needs a Strava link for webhook events."), receivedAtUtc, processed));
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The row <c>/admin channel set</c> stores, written through EF (the seeder runs no commands).</summary>
    private static async Task AddChannelAsync(
        ServiceProvider services, long guildId, long channelId, DateTimeOffset? milestonesSinceUtc, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await services.GetRequiredService<IDbContextFactory<ChallengeDbContext>>().CreateDbContextAsync(cancellationToken);
        context.ChannelSettings.Add(new ChannelSetting
        {
            GuildId = guildId,
            ChannelId = channelId,
            RecapMinuteOfDay = 8 * 60,
            MilestonesOn = milestonesSinceUtc is not null,
            MilestonesSinceUtc = milestonesSinceUtc?.UtcDateTime,
            SetAtUtc = now.UtcDateTime,
            UpdatedAtUtc = now.UtcDateTime,
        });
        await context.SaveChangesAsync(cancellationToken);
    }

    private static async Task<long> JoinAsync(
        ServiceProvider services, long challengeId, long memberId, int jokersLeft, IReadOnlyList<int> jokerWeeks, bool consent, CancellationToken cancellationToken)
    {
        var participant = await services.GetRequiredService<MemberRepository>().JoinAsync(challengeId, memberId, jokersLeft + jokerWeeks.Count, consent, cancellationToken);
        foreach (var week in jokerWeeks)
        {
            await services.GetRequiredService<JokerRepository>().ToggleAsync(participant.ParticipationId, week, cancellationToken);
        }

        return participant.ParticipationId;
    }

    /// <summary>A thousand members a write each would take seconds; they go in two EF batches, their jokers and activities through the repositories.</summary>
    private static async Task<IEnumerable<ActivityRecord>> AddGeneratedAsync(
        ServiceProvider services, long? challengeId, GeneratedSeason season, long firstAthleteId, DateTime now, CancellationToken cancellationToken)
    {
        var rows = season.Members.Select((generated, index) => new Member
        {
            DiscordUserId = long.Parse(generated.Id, CultureInfo.InvariantCulture),
            StravaAthleteId = firstAthleteId + index,
            FirstName = generated.Name.Split(' ', 2)[0],
            LastName = generated.Name.Split(' ', 2)[1],
            LinkState = LinkState.Linked,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        }).ToList();
        var seasonStart = SeasonCalendar.For(season.Season).Monday(1).ToDateTime(TimeOnly.MinValue);
        await using (var context = await services.GetRequiredService<IDbContextFactory<ChallengeDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            context.Members.AddRange(rows);
            await context.SaveChangesAsync(cancellationToken);
            context.StravaSyncStates.AddRange(rows.Select(member => new StravaSyncState
            {
                MemberId = member.Id,
                LastBackfillAtUtc = now,
                BackfilledFromLocal = seasonStart,
                LastRecheckAtUtc = now,
                LastSyncAtUtc = now,
            }));
            await context.SaveChangesAsync(cancellationToken);
        }

        if (challengeId is { } challenge)
        {
            await JoinAllAsync(services, challenge, rows, season, now, cancellationToken);
        }

        return rows.SelectMany((member, index) => season.Members[index].Activities.Select(activity => new ActivityRecord(
            activity.Id, member.Id, activity.SportType, activity.Type, activity.SportType,
            DateTime.SpecifyKind(activity.StartLocal.AddHours(-1), DateTimeKind.Utc), activity.StartLocal, "(GMT+01:00) Europe/Vienna",
            activity.MovingSeconds, activity.ElapsedSeconds, activity.MovingSeconds * 2.5, 40, null)));
    }

    /// <summary>Everyone joins in one batch with one joker (more where the legacy data spent more); the jokers are spent through the repository.</summary>
    private static async Task JoinAllAsync(ServiceProvider services, long challengeId, List<Member> rows, GeneratedSeason season, DateTime now, CancellationToken cancellationToken)
    {
        var participations = rows.Select((member, index) => new Participation
        {
            ChallengeId = challengeId,
            MemberId = member.Id,
            ConsentToReports = true,
            JokersLeft = Math.Max(1, season.Members[index].JokerWeeks.Length),
            JoinedAtUtc = now,
        }).ToList();
        await using (var context = await services.GetRequiredService<IDbContextFactory<ChallengeDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            context.Participations.AddRange(participations);
            await context.SaveChangesAsync(cancellationToken);
        }

        var jokers = services.GetRequiredService<JokerRepository>();
        for (var i = 0; i < participations.Count; i++)
        {
            foreach (var week in season.Members[i].JokerWeeks)
            {
                await jokers.ToggleAsync(participations[i].Id, week, cancellationToken);
            }
        }
    }
}
