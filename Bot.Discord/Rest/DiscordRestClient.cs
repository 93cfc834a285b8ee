using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Bot.Discord.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

/// <summary>
/// Discord's REST API with its rate limits kept: per-bucket limits from the X-RateLimit headers,
/// 429s waited out a bounded number of times, the global 50/s limit for bot routes, and a 401 that
/// stops the client for good. Failures come back as <see cref="DiscordResult"/>, never as exceptions.
/// Here: the calls, the async send loop and how an answer is read; requests are built by
/// <see cref="RestRequestBuilder"/>, limits kept by <see cref="RestRateLimits"/>, and the acknowledgement
/// threads' blocking path is <see cref="BlockingRestSender"/>.
/// </summary>
public sealed class DiscordRestClient : IDisposable
{
    internal const string HttpClientName = "Bot.Discord.Rest";

    // Timers may fire a few milliseconds early; never retry before the time the server named.
    internal static readonly TimeSpan RetryMargin = TimeSpan.FromMilliseconds(20);

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly RestRequestBuilder _requests;
    private readonly RestRateLimits _limits;
    private readonly ConcurrentDictionary<string, bool> _goneWebhooks = new();
    private readonly int _maxRetries;
    private int _stopped;

    internal DiscordRestClient(IHttpClientFactory httpClientFactory, IOptions<DiscordClientOptions> options, RestSettings settings, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        _http = httpClientFactory.CreateClient(HttpClientName);
        _time = time;
        _logger = logger;
        _requests = new RestRequestBuilder(options.Value);
        _limits = new RestRateLimits(settings, time);
        _maxRetries = options.Value.MaxRestRetries;
        Blocking = new BlockingRestSender(this, options.Value, time, logger);
    }

    /// <summary>Raised once when a 401 stops the client (invalid bot token).</summary>
    public event EventHandler<DiscordFatalErrorEventArgs>? Fatal;

    public bool IsStopped => Volatile.Read(ref _stopped) != 0;

    /// <summary>401/403/429 answers in the last 10 minutes (Discord bans at 10,000).</summary>
    public int InvalidRequestCount => _limits.InvalidCount;

    /// <summary>The blocking path of the acknowledgement threads.</summary>
    internal BlockingRestSender Blocking { get; }

    public void Dispose() => _limits.Dispose();

    /// <summary>Posts a message to a channel with the bot token (mentions disabled); files go as multipart.</summary>
    public async Task<DiscordResult> CreateMessageAsync(ulong channelId, DiscordMessageBuilder message, CancellationToken cancellationToken = default)
    {
        if (message.Validate() is { } problem)
        {
            return DiscordResult.Local(DiscordResultKind.InvalidMessage, problem);
        }

        var response = await SendAsync(DiscordRoutes.CreateMessage(channelId), DiscordJson.Serialize(message.ToPayload(ephemeral: false)), message.Files, cancellationToken).ConfigureAwait(false);
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

    /// <summary>A member's role ids in a guild (<c>GET /guilds/{guild.id}/members/{user.id}</c>); null when Discord does not answer with them.</summary>
    public async Task<System.Collections.Immutable.ImmutableArray<ulong>?> GetGuildMemberRolesAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(DiscordRoutes.GetGuildMember(guildId, userId), body: null, cancellationToken).ConfigureAwait(false);
        return response.Result.IsSuccess && response.Body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("roles", out _)
            ? Guilds.GuildJson.RoleIds(json)
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

        var bucket = _limits.BucketFor(route);
        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                await bucket.WaitAsync(_time, cancellationToken).ConfigureAwait(false);
                if (route.Kind == RestRouteKind.Bot)
                {
                    await _limits.AcquireGlobalAsync(cancellationToken).ConfigureAwait(false);
                }

                if (Refuse(route) is { } late)
                {
                    return late;
                }

                HttpResponseMessage response;
                byte[] content;
                using var request = _requests.Build(route, body, files);
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

    /// <summary>Why a request is not sent at all (stopped client, gone webhook, spent invalid-request budget); null to send it.</summary>
    internal RestResponse? Refuse(RestRoute route)
    {
        if (IsStopped)
        {
            return new RestResponse(DiscordResult.Local(DiscordResultKind.ClientStopped, "the REST client stopped after a 401"));
        }

        if (route.Kind != RestRouteKind.Bot && _goneWebhooks.ContainsKey(route.MajorParameter))
        {
            return new RestResponse(DiscordResult.Local(DiscordResultKind.NotFound, "webhook answered 404 before; not reused"));
        }

        if (_limits.InvalidBudgetExhausted)
        {
            RestLog.InvalidBudgetExhausted(_logger, _limits.InvalidCount);
            return new RestResponse(DiscordResult.Local(DiscordResultKind.InvalidRequestBudgetExhausted, "too many 401/403/429 answers in 10 minutes"));
        }

        return null;
    }

    /// <summary>One answer, by the rules of both paths: bucket headers, 429s (retry or give up), 401 stops the client, 404 retires a webhook.</summary>
    internal RestOutcome Interpret(RestRoute route, HttpResponseMessage response, byte[] content, RateLimitBucket? bucket, int attempt)
    {
        var status = (int)response.StatusCode;
        _limits.ApplyBucketHeaders(route, response, bucket);

        if (response.IsSuccessStatusCode)
        {
            return RestOutcome.Done(new RestResponse(DiscordResult.Success, DiscordErrorBody.ParseBody(content)));
        }

        var (code, message, retryAfterBody, globalBody) = DiscordErrorBody.Parse(content);
        if (status == 429)
        {
            var (retryAfter, global) = _limits.TooManyRequests(response, retryAfterBody, globalBody);
            if (attempt >= _maxRetries)
            {
                RestLog.RetriesExhausted(_logger, route, attempt);
                return RestOutcome.Done(new RestResponse(new DiscordResult(DiscordResultKind.RateLimited, status, code, message ?? "rate limited")));
            }

            RestLog.RateLimited(_logger, route, global ? "global" : "bucket", attempt + 1, retryAfter.TotalMilliseconds);
            _limits.Hold(retryAfter, global, bucket);
            return RestOutcome.Retry(retryAfter);
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
            _limits.CountInvalid();
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

        return RestOutcome.Done(new RestResponse(new DiscordResult(kind, status, code, message)));
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
}
