using Bot.Data.Queries;
using Bot.Data.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The assembly holding the migrations; the Bot references it, so it is loaded at run time.</summary>
    public const string MigrationsAssembly = "Bot.Migrations";

    /// <summary>Registers the SQLite store at <paramref name="databasePath"/> (DATABASE_PATH).</summary>
    public static IServiceCollection AddChallengeData(this IServiceCollection services, string databasePath)
    {
        var connectionString = BuildConnectionString(databasePath);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new DatabaseLocation(databasePath));
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddSingleton(provider => new SqliteConnections(connectionString, provider.GetRequiredService<SqlitePragmaInterceptor>()));
        services.AddDbContextFactory<ChallengeDbContext>((provider, options) =>
            Configure(options, connectionString, provider.GetRequiredService<SqlitePragmaInterceptor>()));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<ChallengeRepository>();
        services.AddSingleton<MemberRepository>();
        services.AddSingleton<JokerRepository>();
        services.AddSingleton<ActivityRepository>();
        services.AddSingleton<OAuthStateRepository>();
        services.AddSingleton<AppSettingRepository>();
        services.AddSingleton<StravaLinkRepository>();
        services.AddSingleton<StravaSyncRepository>();
        services.AddSingleton<MemberDepartureRepository>();
        services.AddSingleton<WebhookEventRepository>();
        services.AddSingleton<WeekRecomputeRepository>();
        services.AddSingleton<ChannelSettingRepository>();
        services.AddSingleton<PostRecordRepository>();
        services.AddSingleton<ReminderRepository>();
        services.AddSingleton<StravaSubscriptionStore>();
        services.AddSingleton<SeasonQueries>();
        services.AddSingleton<WeekStampQuery>();
        services.AddSingleton<ExportQueries>();
        services.AddSingleton<Legacy.LegacyImporter>();
        return services;
    }

    internal static string BuildConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();

    internal static DbContextOptionsBuilder Configure(
        DbContextOptionsBuilder options,
        string connectionString,
        SqlitePragmaInterceptor interceptor) =>
        options.UseModel(CompiledModel.ChallengeDbContextModel.Instance)
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
            .AddInterceptors(interceptor);
}
