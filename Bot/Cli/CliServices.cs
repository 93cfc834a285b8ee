using Bot.Configuration;
using Bot.Data;
using Bot.Standings;
using Bot.Threading;

namespace Bot.Cli;

/// <summary>The services the data verbs need: configuration, the store and standings; no Discord, no web.</summary>
internal static class CliServices
{
    /// <param name="configure">Adds what one verb needs besides (the picture verb: pictures).</param>
    public static ServiceProvider Create(bool requireExistingDatabase, Action<IServiceCollection>? configure = null)
    {
        var configuration = AppConfiguration.Build(Directory.GetCurrentDirectory());
        var storage = AppConfiguration.Bind<StorageOptions>(configuration);
        var challenge = AppConfiguration.Bind<ChallengeOptions>(configuration);
        if (requireExistingDatabase && !File.Exists(storage.DatabasePath))
        {
            throw new UserErrorException($"no database at '{storage.DatabasePath}' (set DATABASE_PATH)");
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(challenge);
        services.AddChallengeData(storage.DatabasePath);
        services.AddSingleton<StandingsService>();
        // One command, one season: the tally runs on the verb's own thread.
        services.AddSingleton<ICpuWorkQueue, InlineCpuWorkQueue>();
        services.AddSingleton<SeasonPipeline>();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
