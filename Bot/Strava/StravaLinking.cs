using System.Globalization;
using Bot.Configuration;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Strava.Api;

namespace Bot.Strava;

/// <summary>
/// Links and unlinks members. Linking exchanges the code once (never retried), stores tokens and scopes in
/// one transaction, joins the guild's current challenge (consenting to channel reports, which show only
/// points, pass/fail and amounts) and wakes the back-fill. Unlinking deauthorizes at Strava, then, whatever
/// Strava answered, the member leaves (<see cref="MemberDeparture"/>): their Strava data is deleted and the
/// computed results of their closed weeks stay in the ledger.
/// </summary>
internal sealed class StravaLinking(
    StravaClient client,
    StravaTokenService tokens,
    StravaLinkRepository links,
    MemberRepository members,
    ChallengeRepository challenges,
    MemberDeparture departure,
    StravaSyncJob syncJob,
    ChallengeOptions challengeOptions,
    TimeProvider time,
    ILogger<StravaLinking> logger) : IStravaLinking
{
    private readonly TimeZoneInfo _zone = challengeOptions.ResolveTimeZone();

    public async Task<LinkOutcome> CompleteLinkAsync(long discordUserId, long guildId, string code, string grantedScopes, CancellationToken cancellationToken)
    {
        var exchange = await client.ExchangeCodeAsync(code, cancellationToken);
        if (!exchange.IsOk)
        {
            var problem = exchange.Status switch
            {
                StravaStatus.InvalidGrant or StravaStatus.Rejected => "Strava refused the authorization (the link was used or has expired); run /strava_auth again",
                StravaStatus.Garbage => "Strava sent an answer the bot cannot read; try /strava_auth again later",
                _ => "Strava could not be reached; try /strava_auth again later",
            };
            return new LinkOutcome(false, "", 0, problem);
        }

        var token = exchange.Value!;
        if (token.Athlete?.Id is not { } athleteId || string.IsNullOrEmpty(token.AccessToken)
            || string.IsNullOrEmpty(token.RefreshToken) || token.ExpiresAt is not > 0)
        {
            StravaLog.Garbage(logger, "token exchange", "the answer lacks athlete.id, a token or expires_at");
            return new LinkOutcome(false, "", 0, "Strava sent an answer the bot cannot read; try /strava_auth again later");
        }

        var firstName = token.Athlete.Firstname ?? "";
        var lastName = token.Athlete.Lastname ?? "";
        var link = await links.LinkAsync(
            new StravaLinkRequest(
                discordUserId, athleteId, firstName, lastName, token.Athlete.ProfileMedium, token.AccessToken, token.RefreshToken,
                DateTimeOffset.FromUnixTimeSeconds(token.ExpiresAt.Value).UtcDateTime, grantedScopes),
            cancellationToken);
        var name = $"{firstName} {lastName}".Trim();
        if (!link.Succeeded)
        {
            return new LinkOutcome(false, name, 0, link.Conflict);
        }

        long challengeId = 0;
        if (await CurrentChallengeAsync(guildId, cancellationToken) is { } challenge)
        {
            await members.JoinAsync(challenge.Id, link.MemberId, JokersOf(challenge), consentToReports: true, cancellationToken);
            challengeId = challenge.Id;
        }

        syncJob.Notify();
        return new LinkOutcome(true, name, challengeId, null);
    }

    public Task RecordNarrowScopeAsync(long discordUserId, string grantedScopes, CancellationToken cancellationToken) =>
        links.RecordNarrowScopeAsync(discordUserId, grantedScopes, cancellationToken);

    public async Task<UnlinkOutcome> UnlinkAsync(long discordUserId, CancellationToken cancellationToken)
    {
        var member = await members.GetByDiscordUserIdAsync(discordUserId, cancellationToken);
        if (member is null || member.LinkState == Data.Entities.LinkState.Unlinked)
        {
            return UnlinkOutcome.WasNotLinked;
        }

        var token = await tokens.GetAccessTokenAsync(member.Id, null, cancellationToken);
        var stored = await links.GetTokensAsync(member.Id, cancellationToken);
        var accessToken = token.AccessToken ?? stored?.AccessToken;
        if (!string.IsNullOrEmpty(accessToken))
        {
            // A 401 means access was revoked already; any failure still ends in the local deletion.
            var answer = await client.DeauthorizeAsync(accessToken, cancellationToken);
            if (!answer.IsOk && answer.Status != StravaStatus.Unauthorized)
            {
                StravaLog.CallFailed(logger, "deauthorize", answer.Problem ?? answer.Status.ToString());
            }
        }

        return await departure.LeaveAsync(member.Id, "/unlink", cancellationToken) ? UnlinkOutcome.Unlinked : UnlinkOutcome.WasNotLinked;
    }

    private static int JokersOf(ChallengeRow challenge)
    {
        try
        {
            return RulesJson.Parse(challenge.RulesJson).Jokers;
        }
        catch (InvalidInputException)
        {
            return new Rules().Jokers;
        }
    }

    // The same choice the commands make: the season of today's ISO year, else the latest.
    private async Task<ChallengeRow?> CurrentChallengeAsync(long guildId, CancellationToken cancellationToken)
    {
        var today = ChallengeTimeZone.Today(_zone, time);
        return await challenges.GetAsync(guildId, ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue)), cancellationToken)
            ?? await challenges.GetLatestAsync(guildId, cancellationToken);
    }
}
