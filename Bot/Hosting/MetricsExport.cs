using Bot.Discord;
using Bot.Threading;
using Bot.Web;
using OpenTelemetry.Metrics;

namespace Bot.Hosting;

/// <summary>Whether the meters are exported in Prometheus' text format on <c>GET /metrics</c> (OpenTelemetry).</summary>
public sealed class MetricsOptions
{
    [ConfigurationKeyName("METRICS_PROMETHEUS")]
    public bool Prometheus { get; set; }
}

internal static class MetricsExport
{
    public const string Path = "/metrics";

    public static bool AddBotMetricsExport(this WebApplicationBuilder builder)
    {
        var options = Configuration.AppConfiguration.Bind<MetricsOptions>(builder.Configuration);
        if (options.Prometheus)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(DiscordMetrics.MeterName, CpuWorkQueue.MeterName)
                .AddPrometheusExporter());
        }

        return options.Prometheus;
    }

    public static void MapBotMetricsExport(this WebApplication app)
    {
        // Instruments exist once their owners do: create those now so a scrape sees them from the start.
        _ = app.Services.GetRequiredService<ICpuWorkQueue>();
        _ = app.Services.GetService<Strava.StravaMetrics>();
        _ = app.Services.GetService<Strava.Webhooks.WebhookMetrics>();
        app.MapPrometheusScrapingEndpoint(Path).RequireManagementAccess();
    }
}
