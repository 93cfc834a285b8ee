
namespace Bot.Strava.Linking;

/// <summary>
/// <c>GET /strava/callback</c>, where Strava sends the browser after its consent screen. Nothing reaches
/// <see cref="IStravaLinking"/> unless the state is genuine, unexpired and unused, the user approved, and
/// the granted scopes can read activities; then the code is exchanged exactly once.
/// </summary>
internal sealed class StravaCallback(OAuthStates states, StravaAuthorizeLinks links, IStravaLinking accounts, LinkNotifier notifier, ILogger<StravaCallback> logger)
{
    internal const string ChannelSees =
        "What the server's channel will see: only what the bot computes — your points each week, whether you passed, and any amount you owe. "
        + "Never your activities' names, distances, durations or maps; those are shown only to you (/me, privately).";

    public async Task<IResult> HandleAsync(string? code, string? scope, string? state, string? error, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(error))
        {
            var declined = await states.RedeemAsync(state, cancellationToken);
            LinkingLog.AccessDenied(logger, declined.DiscordUserId);
            return error == "access_denied"
                ? HtmlPage.Render(StatusCodes.Status200OK, "Strava not linked",
                    "You did not authorize ChallengeBot on Strava, so nothing was linked and nothing was stored.",
                    "Changed your mind? Run /strava_auth in your Discord server again.")
                : HtmlPage.Render(StatusCodes.Status400BadRequest, "Strava not linked",
                    "Strava did not complete the authorization, so nothing was linked.", "Run /strava_auth in your Discord server again.");
        }

        var check = await states.RedeemAsync(state, cancellationToken);
        if (check.Problem is { } problem)
        {
            LinkingLog.StateRefused(logger, problem);
            return Refused(problem);
        }

        if (string.IsNullOrEmpty(code))
        {
            return HtmlPage.Render(StatusCodes.Status400BadRequest, "Link not accepted",
                "Strava sent no authorization code, so nothing was linked.", "Run /strava_auth in your Discord server for a fresh link.");
        }

        if (!StravaAuthorizeLinks.CanReadActivities(scope))
        {
            LinkingLog.InsufficientScope(logger, check.DiscordUserId, scope ?? "");
            await accounts.RecordNarrowScopeAsync(check.DiscordUserId, scope ?? "", cancellationToken);
            var again = await links.AuthorizeAsync(check.DiscordUserId, check.GuildId, check.Labels, force: true, cancellationToken);
            return HtmlPage.Render(StatusCodes.Status200OK, "Please authorize again", ("Authorize ChallengeBot again on Strava", again),
                "The challenge counts your activities, but the permission to read them was not granted (the box \"View data about your activities\" was unticked).",
                "Nothing was linked (the bot noted that the permission was missing). Authorize again and leave that box ticked; the new link works once and expires in 10 minutes.");
        }

        var outcome = await accounts.CompleteLinkAsync(check.DiscordUserId, check.GuildId, code, scope!, cancellationToken);
        if (!outcome.Succeeded)
        {
            var why = outcome.Problem ?? "Strava did not accept the authorization.";
            LinkingLog.LinkFailed(logger, check.DiscordUserId, why);
            _ = notifier.NotifyAsync(check.DiscordUserId, $"Your Strava link did not complete: {why} Run `/strava_auth` again for a fresh link.");
            return HtmlPage.Render(StatusCodes.Status502BadGateway, "Strava not linked", why, "Run /strava_auth in your Discord server for a fresh link.");
        }

        LinkingLog.Linked(logger, check.DiscordUserId, check.GuildId);
        _ = notifier.NotifyAsync(check.DiscordUserId,
            $"✅ Strava linked as **{outcome.AthleteName}**; you are in this server's challenge. Your activities are being loaded. {ChannelSees}");
        return HtmlPage.Render(StatusCodes.Status200OK, "Strava linked",
            $"Strava athlete {outcome.AthleteName} is now linked to the Discord account {check.Labels.AccountText} in {check.Labels.ServerText}. "
            + "You have joined the challenge; your season's activities are being loaded now.",
            ChannelSees,
            "You can close this page and go back to Discord. /unlink removes the link and your stored activities at any time.");
    }

    /// <summary>The page for a refused state (the callback's and the connect page's): why, and how to get a fresh link.</summary>
    internal static IResult Refused(StateProblem problem) =>
        HtmlPage.Render(StatusCodes.Status400BadRequest, "Link not accepted", Explain(problem), "Run /strava_auth in your Discord server for a fresh link.");

    private static string Explain(StateProblem problem) => problem switch
    {
        StateProblem.Missing => "This address has no state, so it did not come from a ChallengeBot link. Nothing was linked.",
        StateProblem.Expired => "This link has expired (links work for 10 minutes). Nothing was linked.",
        StateProblem.Replayed => "This link was already used (each link works once). Nothing more was done.",
        _ => "This link was not issued by ChallengeBot. Nothing was linked.",
    };
}
