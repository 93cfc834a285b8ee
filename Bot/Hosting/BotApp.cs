using Bot.Commands;
using Bot.Configuration;
using Bot.Data;
using Bot.Nudges;
using Bot.Recaps;
using Bot.Standings;
using Bot.Standings.Api;
using Bot.Strava;
using Bot.Web;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>
/// The whole bot as one ASP.NET Core application: settings, store, Discord client, commands and the web
/// endpoints, with Kestrel listening on HTTP_URLS in the same process as the Discord client.
/// </summary>
internal static class BotApp
{
    /// <param name="settings">Settings that win over appsettings.json and the environment (tests use them instead of process-wide variables).</param>
    /// <param name="configureServices">Runs after every registration, so a test can replace a service (e.g. <c>IStravaLinking</c>).</param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        // The slim builder leaves out what the bot does not use (IIS, HTTP/3, Debug and EventSource logging, regex route
        // constraints): 2-3 MB of resident memory (README, Performance). HTTPS comes back below when HTTP_URLS asks for it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddBotSettings(builder.Configuration);
        builder.Services.AddGracefulShutdown();
        builder.Services.AddChallengeData(AppConfiguration.Bind<StorageOptions>(builder.Configuration).DatabasePath);
        builder.Services.AddStandings();
        builder.Services.AddBotDiscord();
        builder.Services.AddBotCommands(builder.Configuration);
        builder.Services.AddBotWeb(builder.Configuration);
        builder.Services.AddSingleton<HealthCheck>();
        builder.Services.AddStravaFeature(builder.Configuration);
        builder.Services.AddRecaps();
        builder.Services.AddNudges();
        builder.AddBotSystemd();
        builder.Services.AddHostStartLogger();
        var exportMetrics = builder.AddBotMetricsExport();
        configureServices?.Invoke(builder.Services);

        // Invalid addresses are reported by the WebOptions validation before Kestrel starts.
        if (WebServiceCollectionExtensions.ListenUrls(AppConfiguration.Bind<WebOptions>(builder.Configuration).HttpUrls) is { } urls)
        {
            builder.WebHost.UseUrls(urls);
            if (urls.Any(url => url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
            {
                builder.WebHost.UseKestrelHttpsConfiguration();
            }
        }

        var app = builder.Build();
        // Every settings problem at once, before mapping the endpoints resolves the first options and stops at its problem.
        if (SettingsProblems.AsException(app.Services) is { } invalid)
        {
            ((IDisposable)app).Dispose();
            throw invalid;
        }

        app.MapBotWeb();
        HealthCheck.Map(app);
        app.MapStravaEndpoints();
        app.MapStandingsApi();
        if (exportMetrics)
        {
            app.MapBotMetricsExport();
        }

        return app;
    }

    /// <summary>Validates the settings (throwing <see cref="OptionsValidationException"/> on the first wrong one) and applies the migrations.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        // Resolving the options runs their validation before anything starts.
        _ = app.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<ChallengeOptions>>().Value.ResolveTimeZone();
        _ = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<ClockOptions>>().Value;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }
}
