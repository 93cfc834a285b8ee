using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Bot.Strava.Api;

/// <summary>
/// Strava's OAuth and API calls, as a typed HttpClient behind the standard resilience handler (timeouts and
/// transient 5xx retried for safe methods; never a 4xx or a 429). Every API call asks the
/// <see cref="RateLimitGovernor"/> first; the code exchange and deauthorize are one-off user actions on the
/// OAuth host and only report their headers. Failures come back as <see cref="StravaResponse{T}"/>.
/// </summary>
internal sealed class StravaClient(HttpClient http, IOptions<StravaOptions> options, RateLimitGovernor governor, ILogger<StravaClient> logger)
{
    private readonly StravaOptions _options = options.Value;

    private string ApiBase => _options.ApiBaseUrl.TrimEnd('/');

    private string OAuthBase => _options.OAuthBaseUrl.TrimEnd('/');

    /// <summary>POST {oauth}/token with grant_type=authorization_code, once: the code works once and is never resent.</summary>
    public Task<StravaResponse<StravaTokenResponse>> ExchangeCodeAsync(string code, CancellationToken cancellationToken = default) =>
        SendAsync<StravaTokenResponse>("token exchange", governed: false, () => new HttpRequestMessage(HttpMethod.Post, $"{OAuthBase}/token")
        {
            Content = Form(("client_id", _options.ClientId ?? ""), ("client_secret", _options.ClientSecret ?? ""), ("code", code), ("grant_type", "authorization_code")),
        }, cancellationToken);

    public Task<StravaResponse<StravaTokenResponse>> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        SendAsync<StravaTokenResponse>("token refresh", governed: true, () => new HttpRequestMessage(HttpMethod.Post, $"{OAuthBase}/token")
        {
            Content = Form(("client_id", _options.ClientId ?? ""), ("client_secret", _options.ClientSecret ?? ""), ("grant_type", "refresh_token"), ("refresh_token", refreshToken)),
        }, cancellationToken);

    public Task<StravaResponse<JsonElement>> DeauthorizeAsync(string accessToken, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>("deauthorize", governed: false, () => new HttpRequestMessage(HttpMethod.Post, $"{OAuthBase}/deauthorize")
        {
            Content = Form(("access_token", accessToken)),
        }, cancellationToken);

    /// <summary>One page of GET /athlete/activities; <paramref name="after"/>/<paramref name="before"/> in epoch seconds.</summary>
    public Task<StravaResponse<IReadOnlyList<StravaActivity>>> ListActivitiesAsync(
        string accessToken, long after, long before, int page, int perPage, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<StravaActivity>>("activity list", governed: true, () => Bearer(HttpMethod.Get,
            string.Create(CultureInfo.InvariantCulture, $"{ApiBase}/athlete/activities?after={after}&before={before}&page={page}&per_page={perPage}"), accessToken),
            cancellationToken);

    public Task<StravaResponse<StravaActivity>> GetActivityAsync(string accessToken, long activityId, CancellationToken cancellationToken = default) =>
        SendAsync<StravaActivity>("activity fetch", governed: true, () => Bearer(HttpMethod.Get,
            string.Create(CultureInfo.InvariantCulture, $"{ApiBase}/activities/{activityId}"), accessToken), cancellationToken);

    /// <summary>GET /athlete: the token's own athlete. A 401 here means the token was revoked (or has expired).</summary>
    public Task<StravaResponse<StravaAthlete>> GetAthleteAsync(string accessToken, CancellationToken cancellationToken = default) =>
        SendAsync<StravaAthlete>("athlete", governed: true, () => Bearer(HttpMethod.Get, $"{ApiBase}/athlete", accessToken), cancellationToken);

    public Task<StravaResponse<IReadOnlyList<StravaPushSubscription>>> ListSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<StravaPushSubscription>>("subscription list", governed: true, () => new HttpRequestMessage(HttpMethod.Get,
            $"{ApiBase}/push_subscriptions?client_id={Uri.EscapeDataString(_options.ClientId ?? "")}&client_secret={Uri.EscapeDataString(_options.ClientSecret ?? "")}"),
            cancellationToken);

    public Task<StravaResponse<StravaPushSubscription>> CreateSubscriptionAsync(string callbackUrl, string verifyToken, CancellationToken cancellationToken = default) =>
        SendAsync<StravaPushSubscription>("subscription create", governed: true, () => new HttpRequestMessage(HttpMethod.Post, $"{ApiBase}/push_subscriptions")
        {
            Content = Form(("client_id", _options.ClientId ?? ""), ("client_secret", _options.ClientSecret ?? ""), ("callback_url", callbackUrl), ("verify_token", verifyToken)),
        }, cancellationToken);

    public Task<StravaResponse<JsonElement>> DeleteSubscriptionAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>("subscription delete", governed: true, () => new HttpRequestMessage(HttpMethod.Delete,
            string.Create(CultureInfo.InvariantCulture, $"{ApiBase}/push_subscriptions/{id}?client_id={Uri.EscapeDataString(_options.ClientId ?? "")}&client_secret={Uri.EscapeDataString(_options.ClientSecret ?? "")}")),
            cancellationToken);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static HttpRequestMessage Bearer(HttpMethod method, string url, string accessToken)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    private async Task<StravaResponse<T>> SendAsync<T>(
        string operation, bool governed, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        if (governed && governor.TryAcquire() is { } until)
        {
            return new StravaResponse<T>(StravaStatus.RateLimited, default, $"Strava calls are paused until {until:u}", until);
        }

        using var request = build();
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException
            or (TaskCanceledException and not OperationCanceledException { CancellationToken.IsCancellationRequested: true }))
        {
            var problem = exception is HttpRequestException ? "Strava could not be reached" : "Strava did not answer in time";
            StravaLog.CallFailed(logger, operation, problem);
            return new StravaResponse<T>(StravaStatus.Unavailable, default, problem);
        }

        using (response)
        {
            return Interpret<T>(operation, response.StatusCode, body);
        }
    }

    private StravaResponse<T> Interpret<T>(string operation, HttpStatusCode status, byte[] body)
    {
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            if (typeof(T) == typeof(JsonElement) && body.Length == 0)
            {
                return new StravaResponse<T>(StravaStatus.Ok, default!);
            }

            try
            {
                var value = JsonSerializer.Deserialize<T>(body, StravaJson.Options);
                if (value is null)
                {
                    return Garbage<T>(operation, "the body is null");
                }

                return new StravaResponse<T>(StravaStatus.Ok, value);
            }
            catch (JsonException exception)
            {
                return Garbage<T>(operation, $"malformed JSON ({exception.Path ?? "at the top"})");
            }
        }

        var fault = ReadFault(body);
        var detail = fault is null ? $"HTTP {code}" : $"HTTP {code} {Describe(fault)}";
        var result = status switch
        {
            HttpStatusCode.TooManyRequests => new StravaResponse<T>(StravaStatus.RateLimited, default, detail, governor.State.ClosedUntil),
            HttpStatusCode.Unauthorized => new StravaResponse<T>(StravaStatus.Unauthorized, default, detail),
            HttpStatusCode.NotFound => new StravaResponse<T>(StravaStatus.NotFound, default, detail),
            HttpStatusCode.BadRequest when fault?.Errors?.Any(e => e.Code == "invalid" && e.Resource is "RefreshToken" or "AuthorizationCode") == true
                => new StravaResponse<T>(StravaStatus.InvalidGrant, default, detail),
            _ when code >= 500 => new StravaResponse<T>(StravaStatus.Unavailable, default, detail),
            _ => new StravaResponse<T>(StravaStatus.Rejected, default, detail),
        };
        StravaLog.CallFailed(logger, operation, detail);
        return result;
    }

    private StravaResponse<T> Garbage<T>(string operation, string problem)
    {
        StravaLog.Garbage(logger, operation, problem);
        return new StravaResponse<T>(StravaStatus.Garbage, default, $"Strava sent an answer the bot cannot read: {problem}");
    }

    private static StravaFault? ReadFault(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize<StravaFault>(body, StravaJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Fault messages and triples are Strava's words about the request, never a token.
    private static string Describe(StravaFault fault)
    {
        var first = fault.Errors is { Count: > 0 } errors ? errors[0] : null;
        var triple = first is null ? "" : $" {first.Resource}/{first.Field}/{first.Code}";
        return $"{Shorten(fault.Message)}{Shorten(triple)}".Trim();
    }

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 120 ? text : text[..120];
}
