using Bot.Strava.Api;

namespace Bot.Strava;

/// <summary>
/// Calls Strava on a member's behalf: a current token first, and on a 401 one forced refresh and one retry;
/// a second 401 marks the member "needs relink" (told once). Never a loop.
/// </summary>
internal sealed class StravaMemberApi(StravaTokenService tokens)
{
    public async Task<StravaResponse<T>> CallAsync<T>(
        long memberId,
        Func<string, CancellationToken, Task<StravaResponse<T>>> call,
        CancellationToken cancellationToken = default)
    {
        var token = await tokens.GetAccessTokenAsync(memberId, null, cancellationToken);
        if (!token.IsOk)
        {
            return new StravaResponse<T>(token.Status, default, token.Problem, token.RetryAt);
        }

        var response = await call(token.AccessToken!, cancellationToken);
        if (response.Status != StravaStatus.Unauthorized)
        {
            return response;
        }

        var retryToken = await tokens.GetAccessTokenAsync(memberId, token.AccessToken, cancellationToken);
        if (!retryToken.IsOk)
        {
            return new StravaResponse<T>(retryToken.Status, default, retryToken.Problem, retryToken.RetryAt);
        }

        var retry = await call(retryToken.AccessToken!, cancellationToken);
        if (retry.Status != StravaStatus.Unauthorized)
        {
            return retry;
        }

        await tokens.MarkNeedsRelinkAsync(memberId, "Strava refused a freshly refreshed token", cancellationToken);
        return new StravaResponse<T>(StravaStatus.NeedsRelink, default, "Strava refused the member's token twice");
    }
}
