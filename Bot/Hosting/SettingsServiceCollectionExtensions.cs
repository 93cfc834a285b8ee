using Bot.Configuration;

namespace Bot.Hosting;

/// <summary>Binds every options class to the flat setting names and validates them at start-up.</summary>
internal static class SettingsServiceCollectionExtensions
{
    public static IServiceCollection AddBotSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>()
            .Bind(configuration)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Token), "DISCORD_TOKEN is not set: put the bot token in the environment or in .env")
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
                "DISCORD_API_BASE_URL is not an http(s) URL")
            .Validate(o => o.Intents >= 0, "DISCORD_INTENTS must be a non-negative bit set")
            .Validate(o => o.HandlerWarningSeconds > 0, "DISCORD_HANDLER_WARNING_SECONDS must be positive")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>()
            .Bind(configuration)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "DATABASE_PATH is empty: give a file path or leave it unset for challenge.db")
            .ValidateOnStart();
        services.AddOptions<ChallengeOptions>()
            .Bind(configuration)
            .Validate(o => string.IsNullOrWhiteSpace(o.TimeZone) || ChallengeTimeZone.TryResolve(o.TimeZone, out _),
                "CHALLENGE_TIME_ZONE is not a known IANA time zone (e.g. Europe/Vienna)")
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChallengeOptions>>().Value);
        services.AddOptions<ClockOptions>()
            .Bind(configuration)
            .Validate(o => string.IsNullOrWhiteSpace(o.StartUtc) || o.TryParseStart(out _),
                "CLOCK_START_UTC is not an instant: use ISO 8601 in UTC (e.g. 2024-03-13T12:00:00Z), or leave it unset")
            .ValidateOnStart();
        // Read here, not through IOptions: an invalid value is reported by the validation above (once, with the
        // others) rather than thrown by whichever service first asks for the clock.
        var clock = AppConfiguration.Bind<ClockOptions>(configuration);
        services.AddSingleton(ShiftedTimeProvider.StartingAt(clock.TryParseStart(out var start) ? start : null));
        return services;
    }
}
