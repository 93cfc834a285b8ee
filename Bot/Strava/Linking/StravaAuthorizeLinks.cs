using Bot.Web;
using Microsoft.Extensions.Options;

namespace Bot.Strava.Linking;

/// <summary>
/// The links of a Strava link: our connect page (what /strava_auth hands out) and Strava's authorize URL (the
/// connect page's button), both carrying one fresh signed state for a Discord user and guild.
/// </summary>
internal sealed class StravaAuthorizeLinks(IOptions<StravaOptions> strava, IOptions<WebOptions> web, OAuthStates states)
{
    public const string Scopes = "read,activity:read_all";
    public const string CallbackPath = "/strava/callback";
    public const string ConnectPath = "/strava/connect";

    public bool StravaEnabled => strava.Value.Enabled;

    /// <summary>Why no link can be made, or null when Strava linking is set up.</summary>
    public string? Unavailable =>
        !strava.Value.Enabled ? UnconfiguredStravaLinking.NotConfigured
        : string.IsNullOrWhiteSpace(web.Value.PublicBaseUrl) ? "Strava linking is not set up on this bot (PUBLIC_BASE_URL is not set)."
        : null;

    public string RedirectUri => $"{web.Value.PublicBaseUrl!.TrimEnd('/')}{CallbackPath}";

    /// <summary>A fresh state's connect page: <c>PUBLIC_BASE_URL/strava/connect?state=…</c>, which names <paramref name="labels"/>.</summary>
    /// <param name="force">Show Strava's consent page even when the athlete approved before (a relink, or after too narrow a consent).</param>
    public async Task<string> ConnectAsync(long discordUserId, long guildId, LinkLabels labels, bool force, CancellationToken cancellationToken)
    {
        var state = await states.IssueAsync(discordUserId, guildId, labels, force, cancellationToken);
        return $"{web.Value.PublicBaseUrl!.TrimEnd('/')}{ConnectPath}?state={Uri.EscapeDataString(state)}";
    }

    /// <summary>A fresh state's Strava authorize URL, for a browser already on our pages (after too narrow a consent).</summary>
    public async Task<string> AuthorizeAsync(long discordUserId, long guildId, LinkLabels labels, bool force, CancellationToken cancellationToken) =>
        AuthorizeUrl(await states.IssueAsync(discordUserId, guildId, labels, force, cancellationToken), force);

    /// <summary>Strava's authorize URL carrying <paramref name="state"/>; Strava sends the browser back to the callback with it.</summary>
    public string AuthorizeUrl(string state, bool force) =>
        $"{strava.Value.OAuthBaseUrl.TrimEnd('/')}/authorize"
        + $"?client_id={Uri.EscapeDataString(strava.Value.ClientId!.Trim())}"
        + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}"
        + "&response_type=code"
        + $"&approval_prompt={(force ? "force" : "auto")}"
        + $"&scope={Scopes}"
        + $"&state={Uri.EscapeDataString(state)}";

    /// <summary>True when the granted scopes (comma-separated, as Strava echoes them) allow reading activities.</summary>
    public static bool CanReadActivities(string? grantedScopes) =>
        (grantedScopes ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(s => s is "activity:read_all" or "activity:read");
}
