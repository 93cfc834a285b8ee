using Bot.Web;

namespace Bot.Standings.Api;

/// <summary>The read-only standings API: management surface only (see <see cref="ManagementAccess"/>).</summary>
internal static class StandingsApiEndpoints
{
    public static WebApplication MapStandingsApi(this WebApplication app)
    {
        var management = app.MapGroup("/api").RequireManagementAccess();
        management.MapGet("/seasons", (StandingsApi api, CancellationToken cancellationToken) => api.SeasonsAsync(cancellationToken));
        management.MapGet("/standings", (string? guild, string? season, StandingsApi api, CancellationToken cancellationToken) =>
            api.StandingsAsync(guild, season, cancellationToken));
        return app;
    }
}
