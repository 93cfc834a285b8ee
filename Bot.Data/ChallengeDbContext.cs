using Bot.Data.Configurations;
using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data;

/// <summary>The bot's SQLite store. EF Core owns the schema and every write.</summary>
public sealed class ChallengeDbContext(DbContextOptions<ChallengeDbContext> options) : DbContext(options)
{
    public DbSet<Challenge> Challenges => Set<Challenge>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Participation> Participations => Set<Participation>();

    public DbSet<JokerWeek> JokerWeeks => Set<JokerWeek>();

    public DbSet<LegacyWeekResult> LegacyWeekResults => Set<LegacyWeekResult>();

    public DbSet<FrozenWeekResult> FrozenWeekResults => Set<FrozenWeekResult>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<ActivityKind> ActivityKinds => Set<ActivityKind>();

    public DbSet<StravaSyncState> StravaSyncStates => Set<StravaSyncState>();

    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<OAuthState> OAuthStates => Set<OAuthState>();

    public DbSet<AppSetting> AppSettings => Set<AppSetting>();

    public DbSet<WeekRecompute> WeekRecomputes => Set<WeekRecompute>();

    public DbSet<ChannelSetting> ChannelSettings => Set<ChannelSetting>();

    public DbSet<PostRecord> PostRecords => Set<PostRecord>();

    public DbSet<ReminderSetting> ReminderSettings => Set<ReminderSetting>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ActivityKindAssigner.Assign(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await ActivityKindAssigner.AssignAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChallengeDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
