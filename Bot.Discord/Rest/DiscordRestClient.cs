using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using Bot.Discord.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

/// <summary>
/// Discord's REST API with its rate limits kept: per-bucket limits from the X-RateLimit headers,
/// 429s waited out a bounded number of times, the global 50/s limit for bot routes, and a 401 that
/// stops the client for good. Failures come back as <see cref="DiscordResult"/>, never as exceptions.
/// </summary>
public sealed class DiscordRestClient : IDisposable
{
    internal const string HttpClientName = "Bot.Discord.Rest";

    // Timers may fire a few milliseconds early; never retry before the time the server named.
    private static readonly TimeSpan RetryMargin = TimeSpan.FromMilliseconds(20);

    private readonly HttpClient _http;
    private readonly DiscordClientOptions _options;
    private readonly RestSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly GlobalRateLimiter _global;
    private readonly InvalidRequestCounter _invalid;
    private readonly ConcurrentDictionary<string, string> _bucketHashes = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new();
    private readonly ConcurrentDictionary<string, bool> _goneWebhooks = new();
    private readonly string _baseUrl;
    private readonly string _basePath;
    private int _stopped;

    internal DiscordRestClient(IHttpClientFactory httpClientFactory, IOptions<DiscordClientOptions> options, RestSettings settings, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        _http = httpClientFactory.CreateClient(HttpClientName);
        _options = options.Value;
        _settings = settings;
        _time = time;
        _logger = logger;
        _global = new GlobalRateLimiter(settings, time);
        _invalid = new InvalidRequestCounter(settings, time);
        _baseUrl = _options.ApiBaseUrl.ToString().TrimEnd('/');
        _basePath = _options.ApiBaseUrl.AbsolutePath.TrimEnd('/');
    }

    /// <summary>Raised once when a 401 stops the client (invalid bot token).</summary>
    public event EventHandler<DiscordFatalErrorEventArgs>? Fatal;

    public bool IsStopped => Volatile.Read(ref _stopped) != 0;

    /// <summary>401/403/429 answers in the last 10 minutes (Discord bans at 10,000).</summary>
    public int InvalidRequestCount => _invalid.CountInWindow;

    public void Dispose() => _global.Dispose();

    /// <summary>Posts a message to a channel with the bot token (mentions disabled).</summary>
    public async Task<DiscordResult> CreateMessageAsync(ulong channelId, DiscordMessageBuilder message, CancellationToken cancellationToken = default)
    {
        if (message.Validate() is { } problem)
        {
            return DiscordResult.Local(DiscordResultKind.InvalidMessage, problem);
        }

        var response = await SendAsync(DiscordRoutes.CreateMessage(channelId), DiscordJson.Serialize(message.ToPayload(ephemeral: false)), cancellationToken).ConfigureAwait(false);
        return response.Result;
    }

    /// <summary>
    /// Sends a direct message: opens (or reuses) the DM channel with the user, then posts to it. Fails with
    /// Discord's answer when the user does not accept DMs from the bot (50007).
    /// </summary>
    public async Task<DiscordResult> SendDirectMessageAsync(ulong userId, DiscordMessageBuilder message, CancellationToken cancellationToken = default)
    {
        if (message.Validate() is { } problem)
        {
            return DiscordResult.Local(DiscordResultKind.InvalidMessage, problem);
        }

        var body = DiscordJson.Serialize(new DmChannelRequest(userId.ToString(CultureInfo.InvariantCulture)));
        var channel = await SendAsync(DiscordRoutes.CreateDirectMessageChannel(), body, cancellationToken).ConfigureAwait(false);
        if (!channel.Result.IsSuccess)
        {
            return channel.Result;
        }

        if (channel.Body is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
            || !ulong.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var channelId))
        {
            return DiscordResult.Local(DiscordResultKind.Failed, "the DM channel answer has no channel id");
        }

        return await CreateMessageAsync(channelId, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The guild's name (<c>GET /guilds/{guild.id}</c>), with the same rate-limit handling as every bot route.
    /// Null when Discord does not answer with one (not in the guild, a network failure; the failure is logged).
    /// </summary>
    public async Task<string?> GetGuildNameAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(DiscordRoutes.GetGuild(guildId), body: null, cancellationToken).ConfigureAwait(false);
        return response.Result.IsSuccess
            && response.Body is { ValueKind: JsonValueKind.Object } json
            && json.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
    }

    internal Task<RestResponse> SendAsync(RestRoute route, byte[]? body, CancellationToken cancellationToken = default) =>
        SendAsync(route, body, files: null, cancellationToken);

    /// <summary>
    /// With files, the body goes as <c>multipart/form-data</c>: the JSON as <c>payload_json</c> and
    /// file n as <c>files[n]</c>, matching the body's <c>attachments</c> ids.
    /// </summary>
    internal async Task<RestResponse> SendAsync(RestRoute route, byte[]? body, IReadOnlyList<DiscordAttachment>? files, CancellationToken cancellationToken = default)
    {
        if (Refuse(route) is { } refused)
        {
            return refused;
        }

        var bucket = BucketFor(route);
        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                await bucket.WaitAsync(_time, cancellationToken).ConfigureAwait(false);
                if (route.Kind == RestRouteKind.Bot)
                {
                    await _global.AcquireAsync(cancellationToken).ConfigureAwait(false);
                }

                if (Refuse(route) is { } late)
                {
                    return late;
                }

                HttpResponseMessage response;
                byte[] content;
                using var request = BuildRequest(route, body, files);
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or (TaskCanceledException and not OperationCanceledException { CancellationToken.IsCancellationRequested: true }))
                {
                    RestLog.NetworkError(_logger, route, e.GetType().Name);
                    return new RestResponse(DiscordResult.Local(DiscordResultKind.Network, e.GetType().Name));
                }

                using (response)
                {
                    var outcome = Interpret(route, response, content, bucket, attempt);
                    if (outcome.Final is { } final)
                    {
                        return final;
                    }

                    await Task.Delay(outcome.RetryAfter + RetryMargin, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    /// <summary>
    /// A synchronous send for interaction callbacks, used from the dedicated acknowledgement thread
    /// so the 3-second deadline holds while the thread pool is saturated (no pool thread involved).
    /// </summary>
    internal RestResponse Send(RestRoute route, byte[]? body, BlockingHttpConnection connection, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (Refuse(route) is { } refused)
            {
                return refused;
            }

            BlockingHttpResponse answer;
            try
            {
                var authorization = route.Kind == RestRouteKind.Bot ? "Bot " + _options.Token : null;
                answer = connection.Send(route.Method, _basePath + route.Path, body, authorization);
            }
            catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
            {
                RestLog.NetworkError(_logger, route, e.GetType().Name);
                return new RestResponse(DiscordResult.Local(DiscordResultKind.Network, e.GetType().Name));
            }

            using var response = answer.ToMessage();
            var outcome = Interpret(route, response, answer.Content, bucket: null, attempt);
            if (outcome.Final is { } final)
            {
                return final;
            }

            // Blocking on a timer task is fine here: this runs on a dedicated thread.
            Task.Delay(outcome.RetryAfter + RetryMargin, _time, cancellationToken).GetAwaiter().GetResult();
        }
    }

    /// <summary>A connection of its own for a dedicated thread (see <see cref="BlockingHttpConnection"/>).</summary>
    internal BlockingHttpConnection CreateBlockingConnection() =>
        new(_options.ApiBaseUrl, UserAgent(_options), TimeSpan.FromSeconds(10));

    internal static string UserAgent(DiscordClientOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"DiscordBot ({options.UserAgentUrl}, {options.UserAgentVersion})");

    /// <summary>Opens (or keeps warm) a dedicated thread's connection with a GET of /gateway, which needs no token.</summary>
    internal void WarmUp(BlockingHttpConnection connection)
    {
        if (IsStopped)
        {
            return;
        }

        try
        {
            connection.Send(HttpMethod.Get, _basePath + "/gateway", body: null, authorization: null);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
        {
            RestLog.NetworkError(_logger, DiscordRoutes.Bot(HttpMethod.Get, "/gateway", "/gateway", ""), e.GetType().Name);
        }
    }

    private RestResponse? Refuse(RestRoute route)
    {
        if (IsStopped)
        {
            return new RestResponse(DiscordResult.Local(DiscordResultKind.ClientStopped, "the REST client stopped after a 401"));
        }

        if (route.Kind != RestRouteKind.Bot && _goneWebhooks.ContainsKey(route.MajorParameter))
        {
            return new RestResponse(DiscordResult.Local(DiscordResultKind.NotFound, "webhook answered 404 before; not reused"));
        }

        if (_invalid.IsExhausted)
        {
            RestLog.InvalidBudgetExhausted(_logger, _invalid.CountInWindow);
            return new RestResponse(DiscordResult.Local(DiscordResultKind.InvalidRequestBudgetExhausted, "too many 401/403/429 answers in 10 minutes"));
        }

        return null;
    }

    private RateLimitBucket BucketFor(RestRoute route)
    {
        var key = _bucketHashes.TryGetValue(RouteOnly(route), out var hash) ? $"h:{hash}|{route.MajorParameter}" : $"r:{route.RouteKey}";
        return _buckets.GetOrAdd(key, static _ => new RateLimitBucket());
    }

    private static string RouteOnly(RestRoute route) => $"{route.Method.Method} {route.Template}";

    private HttpRequestMessage BuildRequest(RestRoute route, byte[]? body, IReadOnlyList<DiscordAttachment>? files = null)
    {
        var request = new HttpRequestMessage(route.Method, _baseUrl + route.Path);
        if (route.Kind == RestRouteKind.Bot)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        }

        if (files is { Count: > 0 })
        {
            request.Content = Multipart(body, files);
        }
        else if (body is not null)
        {
            request.Content = Json(body);
        }

        return request;
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    // Built afresh for every attempt: a sent HttpContent cannot be sent again after a 429.
    private static MultipartFormDataContent Multipart(byte[]? body, IReadOnlyList<DiscordAttachment> files)
    {
        var multipart = new MultipartFormDataContent();
        if (body is not null)
        {
            // Quoted as in Discord's examples; .NET would send the bare token.
            multipart.Add(Json(body), "\"payload_json\"");
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = new ByteArrayContent(files[i].Content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(files[i].ContentType);
            multipart.Add(file, string.Create(CultureInfo.InvariantCulture, $"files[{i}]"), files[i].FileName);
        }

        return multipart;
    }

    private Outcome Interpret(RestRoute route, HttpResponseMessage response, byte[] content, RateLimitBucket? bucket, int attempt)
    {
        var status = (int)response.StatusCode;
        ApplyBucketHeaders(route, response, bucket);

        if (response.IsSuccessStatusCode)
        {
            return Outcome.Done(new RestResponse(DiscordResult.Success, ParseBody(content)));
        }

        var (code, message, retryAfterBody, globalBody) = ParseError(content);
        if (status == 429)
        {
            var scope = Header(response, "X-RateLimit-Scope");
            if (!string.Equals(scope, "shared", StringComparison.OrdinalIgnoreCase))
            {
                _invalid.Add();
            }

            var headerless = !response.Headers.Contains("X-RateLimit-Bucket") && !response.Headers.Contains("X-RateLimit-Limit");
            var global = globalBody || headerless || string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
            var retryAfter = RetryAfter(response, retryAfterBody);
            if (attempt >= _options.MaxRestRetries)
            {
                RestLog.RetriesExhausted(_logger, route, attempt);
                return Outcome.Done(new RestResponse(new DiscordResult(DiscordResultKind.RateLimited, status, code, message ?? "rate limited")));
            }

            RestLog.RateLimited(_logger, route, global ? "global" : "bucket", attempt + 1, retryAfter.TotalMilliseconds);
            if (global)
            {
                _global.PauseFor(retryAfter);
            }
            else
            {
                bucket?.BlockFor(retryAfter, _time);
            }

            return Outcome.Retry(retryAfter);
        }

        var kind = status switch
        {
            401 => DiscordResultKind.Unauthorized,
            403 => DiscordResultKind.Forbidden,
            404 => DiscordResultKind.NotFound,
            _ => DiscordResultKind.Failed,
        };
        kind = code switch
        {
            10062 => DiscordResultKind.InteractionExpired,
            40060 => DiscordResultKind.AlreadyAcknowledged,
            _ => kind,
        };

        if (status is 401 or 403)
        {
            _invalid.Add();
        }

        if (status == 401 && route.Kind == RestRouteKind.Bot)
        {
            Stop(route);
        }
        else if (status == 404 && route.Kind == RestRouteKind.Webhook)
        {
            _goneWebhooks.TryAdd(route.MajorParameter, true);
        }

        if (kind is not (DiscordResultKind.InteractionExpired or DiscordResultKind.AlreadyAcknowledged) && status != 401)
        {
            RestLog.Failed(_logger, route, status, code, message);
        }

        return Outcome.Done(new RestResponse(new DiscordResult(kind, status, code, message)));
    }

    private void Stop(RestRoute route)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        RestLog.Unauthorized(_logger, route);
        Fatal?.Invoke(this, new DiscordFatalErrorEventArgs("Discord answered 401 Unauthorized: the bot token is invalid", 401));
    }

    private void ApplyBucketHeaders(RestRoute route, HttpResponseMessage response, RateLimitBucket? bucket)
    {
        var hash = Header(response, "X-RateLimit-Bucket");
        if (!int.TryParse(Header(response, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || !double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            return;
        }

        var reset = TimeSpan.FromSeconds(resetAfter);
        bucket?.Update(remaining, reset, _time);
        if (hash is null || route.Kind != RestRouteKind.Bot)
        {
            return;
        }

        _bucketHashes[RouteOnly(route)] = hash;
        var shared = _buckets.GetOrAdd($"h:{hash}|{route.MajorParameter}", static _ => new RateLimitBucket());
        if (!ReferenceEquals(shared, bucket))
        {
            shared.Update(remaining, reset, _time);
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response, double? retryAfterBody)
    {
        if (retryAfterBody is { } seconds && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (double.TryParse(Header(response, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var header))
        {
            return TimeSpan.FromSeconds(header);
        }

        return double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter)
            ? TimeSpan.FromSeconds(resetAfter)
            : _settings.DefaultRetryAfter;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static JsonElement? ParseBody(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (int? Code, string? Message, double? RetryAfter, bool Global) ParseError(byte[] content)
    {
        if (ParseBody(content) is not { ValueKind: JsonValueKind.Object } body)
        {
            return (null, null, null, false);
        }

        int? code = body.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var ci) ? ci : null;
        var message = body.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        double? retry = body.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : null;
        var global = body.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
        return (code, message, retry, global);
    }

    private readonly record struct Outcome(RestResponse? Final, TimeSpan RetryAfter)
    {
        public static Outcome Done(RestResponse response) => new(response, TimeSpan.Zero);

        public static Outcome Retry(TimeSpan after) => new(null, after);
    }
}
