using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Strava.Fakes;

/// <summary>
/// Strava on Kestrel at 127.0.0.1 (ephemeral port): OAuth (the authorize redirect, single-use codes, refresh tokens that rotate and
/// invalidate the old one, deauthorize), the token's athlete, athlete activities with before/after and paging (per_page
/// capped at 200), single activities (other athletes' too, unless "Only You"), push subscriptions (one per app). Every answer carries both rate-limit header
/// pairs, counted by the fake (names' letter case scriptable). Answers can be scripted per method and path
/// (401/429/5xx/garbage, latency), every call is recorded, and webhook events can be posted to a URL.
/// </summary>
internal sealed class FakeStravaServer : IAsyncDisposable
{
    public const string ClientId = "4242";
    public const string ClientSecret = "fake-client-secret";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<FakeStravaCall> _calls = new();
    private readonly ConcurrentDictionary<long, FakeAthlete> _athletes = new();
    private readonly ConcurrentDictionary<string, (long Athlete, string Scope)> _codes = new();
    private readonly ConcurrentDictionary<string, long> _refreshTokens = new();
    private readonly ConcurrentDictionary<string, (long Athlete, DateTimeOffset ExpiresAt)> _accessTokens = new();
    private readonly ConcurrentDictionary<long, FakeSubscription> _subscriptions = new();
    private readonly List<(string Method, Regex Path, Queue<FakeStravaAnswer> Answers)> _scripts = [];
    private readonly Lock _lock = new();
    private readonly HttpClient _webhookClient = new();
    private long _nextId = 1000;

    private FakeStravaServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        _app.Run(HandleAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public string ApiBaseUrl => BaseUrl + "api/v3";

    public string OAuthBaseUrl => BaseUrl + "oauth";

    public IReadOnlyList<FakeStravaCall> Calls => [.. _calls];

    /// <summary>Whether a refresh hands out a new refresh token and invalidates the one used (Strava may do either).</summary>
    public bool RotateRefreshTokens { get; set; } = true;

    /// <summary>Lifetime of issued access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(6);

    public (int Quarter, int Daily) OverallLimit { get; set; } = (200, 2000);

    public (int Quarter, int Daily) ReadLimit { get; set; } = (100, 1000);

    /// <summary>Usage reported in the headers; every answered call adds one to each.</summary>
    public (int Quarter, int Daily) OverallUsage { get; set; }

    public (int Quarter, int Daily) ReadUsage { get; set; }

    /// <summary>How the rate-limit header names are spelt on the wire (Strava's docs write X-Ratelimit-Limit).</summary>
    public Func<string, string> HeaderName { get; set; } = name => name;

    /// <summary>Extra delay for every request whose path matches.</summary>
    public ConcurrentDictionary<string, TimeSpan> Latency { get; } = new();

    public IReadOnlyCollection<FakeSubscription> Subscriptions => [.. _subscriptions.Values];

    /// <summary>Who consents on <c>GET /oauth/authorize</c>: this athlete id (it must have been added).</summary>
    public long? AuthorizingAthleteId { get; set; }

    /// <summary>The scopes the consenting athlete leaves ticked; null grants what was asked.</summary>
    public string? GrantedScope { get; set; }

    /// <summary>When set, the athlete presses "Cancel" on the consent page (error=access_denied).</summary>
    public bool DenyAuthorization { get; set; }

    /// <summary>When set, creating a subscription first does Strava's GET handshake against the callback URL.</summary>
    public bool VerifyCallbackOnCreate { get; set; }

    public static async Task<FakeStravaServer> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeStravaServer(builder.Build(), time ?? TimeProvider.System);
        await fake._app.StartAsync();
        fake.BaseUrl = new Uri(fake._app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    public FakeAthlete AddAthlete(long id, string firstName = "Ada", string lastName = "Lovelace") =>
        _athletes.GetOrAdd(id, _ => new FakeAthlete(id, firstName, lastName));

    public FakeAthlete Athlete(long id) => _athletes[id];

    /// <summary>An authorization code the athlete's consent would produce; it works once.</summary>
    public string IssueCode(long athleteId, string scope = "read,activity:read_all")
    {
        var code = "code-" + Guid.NewGuid().ToString("N");
        _codes[code] = (athleteId, scope);
        return code;
    }

    /// <summary>Tokens as if the athlete had linked earlier: seed the bot's database with them.</summary>
    public (string AccessToken, string RefreshToken) IssueTokens(long athleteId)
    {
        var access = NewAccessToken(athleteId);
        var refresh = "refresh-" + Guid.NewGuid().ToString("N");
        _refreshTokens[refresh] = athleteId;
        return (access, refresh);
    }

    public bool IsValidRefreshToken(string token) => _refreshTokens.ContainsKey(token);

    /// <summary>Makes a refresh token the bot holds already (e.g. imported from the old bot) work for the athlete.</summary>
    public void AcceptRefreshToken(string refreshToken, long athleteId) => _refreshTokens[refreshToken] = athleteId;

    /// <summary>Makes an access token stop working, as when the athlete revoked it at Strava.</summary>
    public void RevokeAccessToken(string token) => _accessTokens.TryRemove(token, out _);

    public void RevokeAllTokens(long athleteId)
    {
        foreach (var pair in _accessTokens.Where(p => p.Value.Athlete == athleteId))
        {
            _accessTokens.TryRemove(pair.Key, out _);
        }

        foreach (var pair in _refreshTokens.Where(p => p.Value == athleteId))
        {
            _refreshTokens.TryRemove(pair.Key, out _);
        }
    }

    public FakeSubscription AddSubscription(string callbackUrl)
    {
        var subscription = new FakeSubscription(Interlocked.Increment(ref _nextId), callbackUrl);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    /// <summary>The next requests matching method and path (regex) get these answers, one each, in order.</summary>
    public void Script(string method, string pathPattern, params FakeStravaAnswer[] answers)
    {
        lock (_lock)
        {
            _scripts.Add((method, new Regex("^" + pathPattern + "$"), new Queue<FakeStravaAnswer>(answers)));
        }
    }

    public IReadOnlyList<FakeStravaCall> CallsTo(string method, string pathPattern)
    {
        var regex = new Regex("^" + pathPattern + "$");
        return [.. _calls.Where(c => c.Method == method && regex.IsMatch(c.Path))];
    }

    public int ApiCallCount => _calls.Count(c => c.IsApi);

    /// <summary>Posts a push event to the bot's webhook, as Strava does.</summary>
    public Task<HttpResponseMessage> PostEventAsync(Uri webhookUrl, object body, CancellationToken cancellationToken = default) =>
        _webhookClient.PostAsJsonAsync(webhookUrl, body, cancellationToken);

    /// <summary>A push event body with Strava's field names.</summary>
    public static Dictionary<string, object> Event(
        string objectType, long objectId, string aspectType, long ownerId, long subscriptionId, Dictionary<string, string>? updates = null) => new()
        {
            ["object_type"] = objectType,
            ["object_id"] = objectId,
            ["aspect_type"] = aspectType,
            ["owner_id"] = ownerId,
            ["subscription_id"] = subscriptionId,
            ["event_time"] = 1_700_000_000,
            ["updates"] = updates ?? [],
        };

    public async ValueTask DisposeAsync()
    {
        _webhookClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Dictionary<string, string> ToDictionary(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        values.ToDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.Ordinal);

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static long? Long(string? text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType ? ToDictionary(await request.ReadFormAsync()) : [];
        var authorization = request.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
        var path = request.Path.Value ?? "";
        _calls.Enqueue(new FakeStravaCall(request.Method, path, ToDictionary(request.Query), form, bearer, _time.GetUtcNow()));

        foreach (var (pattern, delay) in Latency)
        {
            if (Regex.IsMatch(path, "^" + pattern + "$"))
            {
                await Task.Delay(delay, context.RequestAborted);
            }
        }

        if (request.Method == "GET" && path == "/oauth/authorize" && Scripted("GET", path) is null)
        {
            WriteRateLimitHeaders(context.Response);
            Authorize(context);
            return;
        }

        var (status, body) = Scripted(request.Method, path) is { } scripted
            ? await DelayedAsync(scripted, context.RequestAborted)
            : Answer(request.Method, path, request.Query, form, bearer);
        WriteRateLimitHeaders(context.Response);
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    }

    // The browser step: Strava shows its consent page, then redirects to redirect_uri with a single-use code.
    private void Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        var redirect = query["redirect_uri"].ToString();
        if (query["client_id"] != ClientId || query["response_type"] != "code" || !Uri.TryCreate(redirect, UriKind.Absolute, out _))
        {
            context.Response.StatusCode = 400;
            return;
        }

        var state = Uri.EscapeDataString(query["state"].ToString());
        var separator = redirect.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        if (DenyAuthorization || AuthorizingAthleteId is not { } athleteId)
        {
            context.Response.Redirect($"{redirect}{separator}state={state}&error=access_denied");
            return;
        }

        var scope = GrantedScope ?? query["scope"].ToString();
        var code = IssueCode(athleteId, scope);
        context.Response.Redirect($"{redirect}{separator}state={state}&code={code}&scope={Uri.EscapeDataString(scope)}");
    }

    private static async Task<(int, string?)> DelayedAsync(FakeStravaAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, cancellationToken);
        }

        return (answer.Status, answer.Body);
    }

    private FakeStravaAnswer? Scripted(string method, string path)
    {
        lock (_lock)
        {
            foreach (var (scriptMethod, regex, answers) in _scripts)
            {
                if (scriptMethod == method && regex.IsMatch(path) && answers.Count > 0)
                {
                    return answers.Dequeue();
                }
            }
        }

        return null;
    }

    private void WriteRateLimitHeaders(HttpResponse response)
    {
        lock (_lock)
        {
            OverallUsage = (OverallUsage.Quarter + 1, OverallUsage.Daily + 1);
            ReadUsage = (ReadUsage.Quarter + 1, ReadUsage.Daily + 1);
            response.Headers[HeaderName("X-RateLimit-Limit")] = $"{OverallLimit.Quarter},{OverallLimit.Daily}";
            response.Headers[HeaderName("X-RateLimit-Usage")] = $"{OverallUsage.Quarter},{OverallUsage.Daily}";
            response.Headers[HeaderName("X-ReadRateLimit-Limit")] = $"{ReadLimit.Quarter},{ReadLimit.Daily}";
            response.Headers[HeaderName("X-ReadRateLimit-Usage")] = $"{ReadUsage.Quarter},{ReadUsage.Daily}";
        }
    }

    private (int, string?) Answer(string method, string path, IQueryCollection query, Dictionary<string, string> form, string? bearer)
    {
        switch (method, path)
        {
            case ("POST", "/oauth/token" or "/api/v3/oauth/token"):
                return Token(form);
            case ("POST", "/oauth/deauthorize"):
                return Deauthorize(form.GetValueOrDefault("access_token") ?? bearer);
            case ("GET", "/api/v3/athlete"):
                return Authorized(bearer) is { } me
                    ? (200, Json(new Dictionary<string, object> { ["id"] = me.Id, ["firstname"] = me.FirstName, ["lastname"] = me.LastName }))
                    : Fault(401, "Authorization Error", "Athlete", "access_token", "invalid");
            case ("GET", "/api/v3/athlete/activities"):
                return ListActivities(query, bearer);
            case ("GET", _) when path.StartsWith("/api/v3/activities/", StringComparison.Ordinal):
                return GetActivity(path["/api/v3/activities/".Length..], bearer);
            case ("GET", "/api/v3/push_subscriptions"):
                return query["client_id"] == ClientId && query["client_secret"] == ClientSecret
                    ? (200, Json(_subscriptions.Values.Select(s => new Dictionary<string, object> { ["id"] = s.Id, ["callback_url"] = s.CallbackUrl })))
                    : Fault(401, "Authorization Error", "Application", "client_id", "invalid");
            case ("POST", "/api/v3/push_subscriptions"):
                return CreateSubscription(form);
            case ("DELETE", _) when path.StartsWith("/api/v3/push_subscriptions/", StringComparison.Ordinal):
                return Long(path["/api/v3/push_subscriptions/".Length..]) is { } id && _subscriptions.TryRemove(id, out _)
                    ? (204, null)
                    : Fault(404, "Resource Not Found", "PushSubscription", "id", "not found");
            default:
                return Fault(404, "Resource Not Found", "Path", "path", "not found");
        }
    }

    private static (int, string?) Fault(int status, string message, string resource, string field, string code)
    {
        var answer = FakeStravaAnswer.Fault(status, message, resource, field, code);
        return (answer.Status, answer.Body);
    }

    private (int, string?) Token(Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return Fault(401, "Bad Request", "Application", "client_id", "invalid");
        }

        switch (form.GetValueOrDefault("grant_type"))
        {
            case "authorization_code":
                if (form.GetValueOrDefault("code") is not { } code || !_codes.TryRemove(code, out var grant))
                {
                    return Fault(400, "Bad Request", "AuthorizationCode", "code", "invalid");
                }

                var athlete = _athletes[grant.Athlete];
                var (access, refresh) = IssueTokens(grant.Athlete);
                return (200, Json(new Dictionary<string, object>
                {
                    ["token_type"] = "Bearer",
                    ["expires_at"] = _accessTokens[access].ExpiresAt.ToUnixTimeSeconds(),
                    ["expires_in"] = (long)AccessTokenLifetime.TotalSeconds,
                    ["refresh_token"] = refresh,
                    ["access_token"] = access,
                    ["athlete"] = new Dictionary<string, object> { ["id"] = athlete.Id, ["firstname"] = athlete.FirstName, ["lastname"] = athlete.LastName },
                }));
            case "refresh_token":
                var used = form.GetValueOrDefault("refresh_token") ?? "";
                if (!_refreshTokens.TryGetValue(used, out var owner))
                {
                    return Fault(400, "Bad Request", "RefreshToken", "refresh_token", "invalid");
                }

                var newRefresh = used;
                if (RotateRefreshTokens)
                {
                    _refreshTokens.TryRemove(used, out _);
                    newRefresh = "refresh-" + Guid.NewGuid().ToString("N");
                    _refreshTokens[newRefresh] = owner;
                }

                var newAccess = NewAccessToken(owner);
                return (200, Json(new Dictionary<string, object>
                {
                    ["token_type"] = "Bearer",
                    ["access_token"] = newAccess,
                    ["expires_at"] = _accessTokens[newAccess].ExpiresAt.ToUnixTimeSeconds(),
                    ["expires_in"] = (long)AccessTokenLifetime.TotalSeconds,
                    ["refresh_token"] = newRefresh,
                }));
            default:
                return Fault(400, "Bad Request", "GrantType", "grant_type", "invalid");
        }
    }

    private string NewAccessToken(long athleteId)
    {
        var token = "access-" + Guid.NewGuid().ToString("N");
        _accessTokens[token] = (athleteId, _time.GetUtcNow() + AccessTokenLifetime);
        return token;
    }

    private FakeAthlete? Authorized(string? bearer) =>
        bearer is not null && _accessTokens.TryGetValue(bearer, out var grant) && grant.ExpiresAt > _time.GetUtcNow()
            ? _athletes.GetValueOrDefault(grant.Athlete)
            : null;

    private (int, string?) Deauthorize(string? accessToken)
    {
        if (Authorized(accessToken) is not { } athlete)
        {
            return Fault(401, "Authorization Error", "Athlete", "access_token", "invalid");
        }

        RevokeAllTokens(athlete.Id);
        return (200, Json(new Dictionary<string, object> { ["access_token"] = accessToken! }));
    }

    private (int, string?) ListActivities(IQueryCollection query, string? bearer)
    {
        if (Authorized(bearer) is not { } athlete)
        {
            return Fault(401, "Authorization Error", "Athlete", "access_token", "invalid");
        }

        var after = Long(query["after"]);
        var before = Long(query["before"]);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (after > now * 100 || before > now * 100)
        {
            return Fault(400, "Bad Request", "Application", "after", "future");
        }

        var page = Math.Max(1, Long(query["page"]) ?? 1);
        var perPage = (int)Math.Clamp(Long(query["per_page"]) ?? 30, 1, 200);
        var selected = athlete.Activities.Values
            .Where(a => after is null || new DateTimeOffset(a.StartUtc).ToUnixTimeSeconds() > after)
            .Where(a => before is null || new DateTimeOffset(a.StartUtc).ToUnixTimeSeconds() < before)
            .OrderBy(a => a.StartUtc).ThenBy(a => a.Id)
            .Skip((int)((page - 1) * perPage))
            .Take(perPage)
            .Select(a => Summary(a, athlete.Id));
        return (200, Json(selected));
    }

    private (int, string?) GetActivity(string idText, string? bearer)
    {
        if (Authorized(bearer) is not { } athlete)
        {
            return Fault(401, "Authorization Error", "Athlete", "access_token", "invalid");
        }

        if (Long(idText) is not { } id)
        {
            return Fault(404, "Resource Not Found", "Activity", "id", "not found");
        }

        if (athlete.Activities.TryGetValue(id, out var own))
        {
            return (200, Json(Summary(own, athlete.Id)));
        }

        // Another athlete's activity is visible to any token unless it is "Only You", as on Strava.
        foreach (var other in _athletes.Values)
        {
            if (other.Activities.TryGetValue(id, out var theirs) && !theirs.OnlyYou)
            {
                return (200, Json(Summary(theirs, other.Id)));
            }
        }

        return Fault(404, "Resource Not Found", "Activity", "id", "not found");
    }

    private (int, string?) CreateSubscription(Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return Fault(401, "Authorization Error", "Application", "client_id", "invalid");
        }

        if (!_subscriptions.IsEmpty)
        {
            return Fault(400, "Bad Request", "PushSubscription", "push subscription", "already exists");
        }

        var callback = form.GetValueOrDefault("callback_url") ?? "";
        if (VerifyCallbackOnCreate)
        {
            var challenge = Guid.NewGuid().ToString("N");
            var url = $"{callback}?hub.mode=subscribe&hub.challenge={challenge}&hub.verify_token={Uri.EscapeDataString(form.GetValueOrDefault("verify_token") ?? "")}";
            using var response = _webhookClient.GetAsync(url).GetAwaiter().GetResult();
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode || !text.Contains(challenge, StringComparison.Ordinal))
            {
                return Fault(400, "Bad Request", "PushSubscription", "callback url", "GET to callback URL does not return 200");
            }
        }

        var subscription = AddSubscription(callback);
        return (200, Json(new Dictionary<string, object> { ["id"] = subscription.Id, ["callback_url"] = callback }));
    }

    private static Dictionary<string, object?> Summary(FakeActivity activity, long athleteId) => new()
    {
        ["id"] = activity.Id,
        ["athlete"] = new Dictionary<string, object> { ["id"] = athleteId },
        ["name"] = activity.Name,
        ["type"] = activity.Type,
        ["sport_type"] = activity.SportType,
        ["start_date"] = activity.StartUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        // Strava prints local wall-clock time with a Z, too.
        ["start_date_local"] = activity.StartLocal.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["timezone"] = "(GMT+00:00) Etc/UTC",
        ["utc_offset"] = activity.UtcOffset.TotalSeconds,
        ["moving_time"] = activity.MovingTime,
        ["elapsed_time"] = activity.ElapsedTime,
        ["distance"] = activity.Distance,
        ["total_elevation_gain"] = 12.5,
        ["map"] = new Dictionary<string, object> { ["summary_polyline"] = "abc" },
    };
}
