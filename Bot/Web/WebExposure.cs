namespace Bot.Web;

/// <summary>
/// Valid web settings that expose more than they seem to, for check-config's warnings: each a line naming the
/// settings and what to do.
/// </summary>
internal static class WebExposure
{
    public static IReadOnlyList<string> Warnings(WebOptions options)
    {
        var warnings = new List<string>();
        var outward = (WebServiceCollectionExtensions.ListenUrls(options.HttpUrls) ?? [])
            .Where(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
            .ToList();
        if (outward.Count > 0 && string.IsNullOrEmpty(options.ManagementToken))
        {
            warnings.Add($"HTTP_URLS listens beyond this machine ({string.Join(", ", outward)}) and MANAGEMENT_TOKEN is not set: " +
                "/api, /metrics and the detailed /healthz answer only local clients; set MANAGEMENT_TOKEN to reach them from elsewhere, " +
                "or listen on 127.0.0.1 behind a TLS reverse proxy");
        }

        if (Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var publicUrl) && publicUrl.Scheme != Uri.UriSchemeHttps && !publicUrl.IsLoopback)
        {
            warnings.Add($"PUBLIC_BASE_URL ({options.PublicBaseUrl}) is not https: Strava's OAuth codes and webhook events would cross the " +
                "internet unencrypted; put a TLS reverse proxy in front and use its https:// address");
        }

        return warnings;
    }
}
