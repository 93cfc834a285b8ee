using Bot.Discord.Entities;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// The per-interaction state machine: Unacknowledged → (Acknowledging) → Deferred | Responded, or Dead.
/// Exactly one initial response is ever sent: whoever wins the compare-and-swap sends it; everyone
/// else waits for it to settle and then edits @original or follows up. 10062/40060 make it Dead:
/// one log line, no retry, typed failures for every later call. The 15-minute token lifetime runs
/// from the monotonic receipt time.
/// </summary>
internal sealed class InteractionResponder(DiscordInteraction interaction, DiscordRestClient rest, InteractionSettings settings, TimeProvider time, ILogger logger, DiscordMetrics? metrics = null)
{
    private const int Unacked = 0;
    private const int Acking = 1;
    private const int Deferred = 2;
    private const int Responded = 3;
    private const int Dead = 4;

    private readonly TaskCompletionSource<DiscordResult> _autoAck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DiscordResult _deadResult = DiscordResult.Local(DiscordResultKind.InteractionExpired, "interaction is no longer answerable");
    private int _state;
    private int _expiryLogged;

    public InteractionResponseState State => (InteractionResponseState)Volatile.Read(ref _state);

    public DiscordInteraction Interaction => interaction;

    /// <summary>The outcome of the automatic defer (completed by the acknowledgement thread).</summary>
    public Task<DiscordResult> AutoAck => _autoAck.Task;

    public bool IsTokenExpired => time.GetElapsedTime(interaction.ReceivedTimestamp) >= settings.TokenLifetime;

    /// <summary>Blocking defer for the dedicated acknowledgement thread.</summary>
    public void AutoDefer(bool ephemeral, BlockingHttpConnection connection)
    {
        DiscordResult result;
        if (Interlocked.CompareExchange(ref _state, Acking, Unacked) == Unacked)
        {
            WarnIfLate();
            result = rest.Blocking.Send(CallbackRoute, DiscordJson.Serialize(InteractionCallbackPayload.Defer(ephemeral)), connection).Result;
            Settle(result, Deferred);
        }
        else
        {
            result = Volatile.Read(ref _state) == Dead ? _deadResult : DiscordResult.Success;
        }

        _autoAck.TrySetResult(result);
    }

    public void CancelAutoAck(DiscordResult result) => _autoAck.TrySetResult(result);

    public Task<DiscordResult> DeferAsync(bool ephemeral, CancellationToken cancellationToken) =>
        InitialAsync(InteractionCallbackPayload.Defer(ephemeral), Deferred, static (_, _) => Task.FromResult(DiscordResult.Success), cancellationToken);

    /// <summary>The initial response if none was sent yet, else an edit of @original.</summary>
    public Task<DiscordResult> RespondAsync(MessagePayload message, CancellationToken cancellationToken) =>
        InitialAsync(InteractionCallbackPayload.Message(message), Responded, (self, ct) => self.WebhookAsync(DiscordRoutes.EditOriginal(interaction.ApplicationId, interaction.Token), message with { Flags = null }, ct), cancellationToken);

    public Task<DiscordResult> EditOriginalAsync(MessagePayload message, CancellationToken cancellationToken) =>
        Volatile.Read(ref _state) == Unacked
            ? RespondAsync(message, cancellationToken)
            : AfterSettledAsync(DiscordRoutes.EditOriginal(interaction.ApplicationId, interaction.Token), message with { Flags = null }, cancellationToken);

    public Task<DiscordResult> FollowupAsync(MessagePayload message, CancellationToken cancellationToken) =>
        Volatile.Read(ref _state) == Unacked
            ? RespondAsync(message, cancellationToken)
            : AfterSettledAsync(DiscordRoutes.Followup(interaction.ApplicationId, interaction.Token), message, cancellationToken);

    /// <summary>For error paths: tell the user, by whichever means the state still allows. Never throws.</summary>
    public async Task<DiscordResult> TryReportAsync(string text, CancellationToken cancellationToken)
    {
        var message = new MessagePayload(text, null, MessagePayload.EphemeralFlag, AllowedMentionsPayload.None);
        try
        {
            return Volatile.Read(ref _state) switch
            {
                Responded => await FollowupAsync(message, cancellationToken).ConfigureAwait(false),
                Dead => _deadResult,
                _ => await RespondAsync(message, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (OperationCanceledException)
        {
            return DiscordResult.Local(DiscordResultKind.ClientStopped, "cancelled");
        }
    }

    private RestRoute CallbackRoute => DiscordRoutes.InteractionCallback(interaction.Id, interaction.Token);

    private async Task<DiscordResult> InitialAsync(InteractionCallbackPayload payload, int successState, Func<InteractionResponder, CancellationToken, Task<DiscordResult>> whenAcknowledged, CancellationToken cancellationToken)
    {
        while (true)
        {
            var settled = Volatile.Read(ref _settled);
            switch (Volatile.Read(ref _state))
            {
                case Unacked:
                    if (Interlocked.CompareExchange(ref _state, Acking, Unacked) != Unacked)
                    {
                        continue;
                    }

                    WarnIfLate();
                    DiscordResult result;
                    try
                    {
                        result = (await rest.SendAsync(CallbackRoute, DiscordJson.Serialize(payload), cancellationToken).ConfigureAwait(false)).Result;
                    }
                    catch (OperationCanceledException)
                    {
                        Settle(DiscordResult.Local(DiscordResultKind.ClientStopped, "cancelled"), successState);
                        throw;
                    }

                    Settle(result, successState);
                    return result;
                case Acking:
                    await settled.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                case Dead:
                    return _deadResult;
                default:
                    return await whenAcknowledged(this, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<DiscordResult> AfterSettledAsync(RestRoute route, MessagePayload message, CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _state) == Acking)
        {
            var settled = Volatile.Read(ref _settled);
            if (Volatile.Read(ref _state) != Acking)
            {
                break;
            }

            await settled.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return Volatile.Read(ref _state) switch
        {
            Dead => _deadResult,
            Unacked => await RespondAsync(message, cancellationToken).ConfigureAwait(false),
            _ => await WebhookAsync(route, message, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<DiscordResult> WebhookAsync(RestRoute route, MessagePayload message, CancellationToken cancellationToken)
    {
        if (IsTokenExpired)
        {
            if (Interlocked.Exchange(ref _expiryLogged, 1) == 0)
            {
                InteractionLog.TokenExpired(logger, interaction.Id, interaction.CommandPath, settings.TokenLifetime.TotalMinutes);
            }

            return DiscordResult.Local(DiscordResultKind.InteractionExpired, "the interaction token is older than 15 minutes");
        }

        var result = (await rest.SendAsync(route, DiscordJson.Serialize(message), message.Files, cancellationToken).ConfigureAwait(false)).Result;
        if (result.IsTerminalForInteraction || result.ErrorCode is 10015 or 50027 || result.Kind == DiscordResultKind.Unauthorized)
        {
            Kill(result);
        }
        else if (result.IsSuccess && route.Method == HttpMethod.Patch)
        {
            Interlocked.CompareExchange(ref _state, Responded, Deferred);
        }

        return result;
    }

    private void Settle(DiscordResult result, int successState)
    {
        if (result.IsTerminalForInteraction)
        {
            Kill(result);
        }
        else
        {
            Volatile.Write(ref _state, result.IsSuccess ? successState : Unacked);
            if (result.IsSuccess)
            {
                metrics?.InteractionAcknowledged(time.GetElapsedTime(interaction.ReceivedTimestamp));
            }
        }

        Interlocked.Exchange(ref _settled, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private void Kill(DiscordResult result)
    {
        _deadResult = result;
        if (Interlocked.Exchange(ref _state, Dead) != Dead)
        {
            InteractionLog.Terminal(logger, interaction.Id, interaction.CommandPath, result.Kind, result.ErrorCode);
        }
    }

    private void WarnIfLate()
    {
        var elapsed = time.GetElapsedTime(interaction.ReceivedTimestamp);
        if (elapsed > settings.InitialResponseDeadline)
        {
            // Sent anyway: Discord, not a local clock comparison, decides whether it is too late.
            InteractionLog.LateAck(logger, interaction.Id, interaction.CommandPath, elapsed.TotalMilliseconds, settings.InitialResponseDeadline.TotalMilliseconds);
        }
    }
}
