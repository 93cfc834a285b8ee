namespace Bot.Strava.Linking;

/// <summary>
/// <c>GET /strava/connect?state=…</c>, the page /strava_auth links to. It checks the state as the callback does
/// (signature, expiry, unused) without spending it, names the Discord account and server the link was made for,
/// says what the channel will show, and offers the "Connect with Strava" button to Strava's authorize URL with
/// the same state. Someone handed another member's link sees whose it is before anything is linked.
/// </summary>
internal sealed class StravaConnectPage(OAuthStates states, StravaAuthorizeLinks links, ILogger<StravaConnectPage> logger)
{
    public async Task<IResult> HandleAsync(string? state, CancellationToken cancellationToken)
    {
        var check = await states.PeekAsync(state, cancellationToken);
        if (check.Problem is { } problem)
        {
            LinkingLog.ConnectRefused(logger, problem);
            return StravaCallback.Refused(problem);
        }

        var (account, server) = (check.Labels.AccountText, check.Labels.ServerText);
        return HtmlPage.Render(StatusCodes.Status200OK, $"Connect Strava for {account} in {server} — continue only if this is you",
            ("Connect with Strava", links.AuthorizeUrl(state!, check.ForceApproval)),
            $"This link was made with /strava_auth by the Discord account {account} for the challenge in {server}. "
            + "If that is not you, close this page: continuing would give that account your Strava activities.",
            StravaCallback.ChannelSees,
            "Pressing \"Connect with Strava\" is your consent to those channel reports. You can leave them at any time with /join reports:false "
            + "(the channel then shows only how many members are hidden).",
            "On Strava, leave \"View data about your activities\" ticked. This link works once and expires 10 minutes after it was made.");
    }
}
