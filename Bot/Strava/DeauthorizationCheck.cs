using Bot.Strava.Api;

namespace Bot.Strava;

/// <summary>
/// Asks Strava whether a member really revoked the bot's access, before a deauthorization event deletes anything:
/// the member's current token (refreshed through <see cref="StravaTokenService"/> only when it is due, single-flight)
/// calls <c>GET /athlete</c> once, through the governor. A 401 there, or a refused refresh, confirms; a working token
/// refutes. A link that is already unusable (Strava refused its refresh token before) counts as confirmed.
/// </summary>
internal sealed class DeauthorizationCheck(StravaTokenService tokens, StravaClient client)
{
    public async Task<(DeauthorizationVerdict Verdict, StravaStatus Status, string? Problem, DateTimeOffset? RetryAt)> CheckAsync(
        long memberId, CancellationToken cancellationToken = default)
    {
        var token = await tokens.GetAccessTokenAsync(memberId, null, cancellationToken);
        if (token.Status == StravaStatus.NeedsRelink)
        {
            return (DeauthorizationVerdict.Confirmed, token.Status, token.Problem, null);
        }

        if (!token.IsOk)
        {
            return (DeauthorizationVerdict.Undecided, token.Status, token.Problem, token.RetryAt);
        }

        var athlete = await client.GetAthleteAsync(token.AccessToken!, cancellationToken);
        return athlete.Status switch
        {
            StravaStatus.Ok => (DeauthorizationVerdict.Refuted, athlete.Status, null, null),
            StravaStatus.Unauthorized => (DeauthorizationVerdict.Confirmed, athlete.Status, athlete.Problem, null),
            _ => (DeauthorizationVerdict.Undecided, athlete.Status, athlete.Problem, athlete.RetryAt),
        };
    }
}
