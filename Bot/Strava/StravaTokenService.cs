using System.Collections.Concurrent;
using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Strava.Api;

namespace Bot.Strava;

/// <summary>
/// Hands out members' access tokens, refreshing one only when it expires within 60 s (or Strava refused it).
/// Refreshes are single-flight per member: concurrent callers share one POST, and the rotated refresh token
/// is stored with the access token and expiry in one transaction. A refused refresh token marks the member
/// "needs relink" and tells them once.
/// </summary>
internal sealed class StravaTokenService(
    StravaClient client,
    StravaLinkRepository links,
    IMemberNotifier notifier,
    TimeProvider time,
    ILogger<StravaTokenService> logger)
{
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<long, Lazy<Task<TokenResult>>> _refreshing = new();

    /// <summary>
    /// A usable access token. With <paramref name="rejectedAccessToken"/> (the one a 401 refused) the token is
    /// refreshed unless another caller has already replaced it.
    /// </summary>
    public async Task<TokenResult> GetAccessTokenAsync(long memberId, string? rejectedAccessToken = null, CancellationToken cancellationToken = default)
    {
        var tokens = await links.GetTokensAsync(memberId, cancellationToken);
        if (Unusable(tokens) is { } unusable)
        {
            return unusable;
        }

        if (IsFresh(tokens!, rejectedAccessToken))
        {
            return new TokenResult(StravaStatus.Ok, tokens!.AccessToken);
        }

        var flight = _refreshing.GetOrAdd(memberId, id => new Lazy<Task<TokenResult>>(() => RefreshAsync(id, rejectedAccessToken)));
        try
        {
            return await flight.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _refreshing.TryRemove(new KeyValuePair<long, Lazy<Task<TokenResult>>>(memberId, flight));
        }
    }

    /// <summary>Marks the member "needs relink" and tells them, once.</summary>
    public async Task MarkNeedsRelinkAsync(long memberId, string reason, CancellationToken cancellationToken = default)
    {
        if (!await links.MarkNeedsRelinkAsync(memberId, cancellationToken))
        {
            return;
        }

        StravaLog.NeedsRelink(logger, memberId, reason);
        var tokens = await links.GetTokensAsync(memberId, cancellationToken);
        if (tokens?.DiscordUserId is { } discordUserId)
        {
            await notifier.NotifyAsync(discordUserId, MemberMessages.NeedsRelink, cancellationToken);
        }
    }

    private static TokenResult? Unusable(MemberTokens? tokens) =>
        tokens is null || tokens.LinkState != LinkState.Linked || string.IsNullOrEmpty(tokens.RefreshToken)
            ? new TokenResult(StravaStatus.NeedsRelink, null, "the member has no usable Strava link")
            : null;

    private bool IsFresh(MemberTokens tokens, string? rejectedAccessToken) =>
        !string.IsNullOrEmpty(tokens.AccessToken)
        && tokens.AccessToken != rejectedAccessToken
        && (rejectedAccessToken is not null
            || (tokens.ExpiresAtUtc is { } expires && expires - time.GetUtcNow().UtcDateTime >= RefreshAhead));

    // Runs once per flight; not tied to one caller's cancellation, since the others wait on it too.
    private async Task<TokenResult> RefreshAsync(long memberId, string? rejectedAccessToken)
    {
        var tokens = await links.GetTokensAsync(memberId, CancellationToken.None);
        if (Unusable(tokens) is { } unusable)
        {
            return unusable;
        }

        if (IsFresh(tokens!, rejectedAccessToken))
        {
            return new TokenResult(StravaStatus.Ok, tokens!.AccessToken);
        }

        var used = tokens!.RefreshToken!;
        var response = await client.RefreshAsync(used, CancellationToken.None);
        switch (response.Status)
        {
            case StravaStatus.Ok:
                var value = response.Value!;
                if (string.IsNullOrEmpty(value.AccessToken) || string.IsNullOrEmpty(value.RefreshToken) || value.ExpiresAt is not > 0)
                {
                    StravaLog.Garbage(logger, "token refresh", "the answer lacks access_token, refresh_token or expires_at");
                    return new TokenResult(StravaStatus.Garbage, null, "Strava's token answer lacks a token or its expiry");
                }

                var expires = DateTimeOffset.FromUnixTimeSeconds(value.ExpiresAt.Value).UtcDateTime;
                if (!await links.SaveRefreshedTokensAsync(memberId, used, value.AccessToken, value.RefreshToken, expires, CancellationToken.None))
                {
                    // Unlinked or re-linked meanwhile: what is stored now wins.
                    var current = await links.GetTokensAsync(memberId, CancellationToken.None);
                    return Unusable(current) ?? new TokenResult(StravaStatus.Ok, current!.AccessToken);
                }

                StravaLog.TokenRefreshed(logger, memberId);
                return new TokenResult(StravaStatus.Ok, value.AccessToken);

            case StravaStatus.InvalidGrant or StravaStatus.Unauthorized or StravaStatus.Rejected:
                await MarkNeedsRelinkAsync(memberId, response.Problem ?? "refresh token refused", CancellationToken.None);
                return new TokenResult(StravaStatus.NeedsRelink, null, "Strava refused the refresh token");

            default:
                return new TokenResult(response.Status, null, response.Problem, response.RetryAt);
        }
    }
}
