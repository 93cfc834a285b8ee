using Bot.Strava;
using Microsoft.Extensions.Options;

namespace Bot.Web;

/// <summary>Builds the Strava authorize URL for a Discord user and guild, with a fresh signed state.</summary>
internal sealed class StravaAuthorizeLinks(IOptions<StravaOptions> strava, IOptions<WebOptions> web, OAuthStates states)
{
    public const string Scopes = "read,activity:read_all";
    public const string CallbackPath = "/strava/callback";

    public bool StravaEnabled => strava.Value.Enabled;

    /// <summary>Why no link can be made, or null when Strava linking is set up.</summary>
    public string? Unavailable =>
        !strava.Value.Enabled ? UnconfiguredStravaAccounts.NotConfigured
        : string.IsNullOrWhiteSpace(web.Value.PublicBaseUrl) ? "Strava linking is not set up on this bot (PUBLIC_BASE_URL is not set)."
        : null;

    public string RedirectUri => $"{web.Value.PublicBaseUrl!.TrimEnd('/')}{CallbackPath}";

    /// <param name="force">Show Strava's consent page even when the athlete approved before (a relink, or after too narrow a consent).</param>
    public async Task<string> CreateAsync(long discordUserId, long guildId, bool force, CancellationToken cancellationToken)
    {
        var state = await states.IssueAsync(discordUserId, guildId, cancellationToken);
        return $"{strava.Value.OAuthBaseUrl.TrimEnd('/')}/authorize"
            + $"?client_id={Uri.EscapeDataString(strava.Value.ClientId!.Trim())}"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}"
            + "&response_type=code"
            + $"&approval_prompt={(force ? "force" : "auto")}"
            + $"&scope={Scopes}"
            + $"&state={Uri.EscapeDataString(state)}";
    }

    /// <summary>True when the granted scopes (comma-separated, as Strava echoes them) allow reading activities.</summary>
    public static bool CanReadActivities(string? grantedScopes) =>
        (grantedScopes ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(s => s is "activity:read_all" or "activity:read");
}
