using Bot.Discord.Gateway;

namespace Bot.Discord;

/// <summary>
/// The bot's application id, learnt from the first READY (<c>d.application.id</c>); the webhook and
/// command routes need it. Singleton. Continuations never run on the gateway read thread.
/// </summary>
public sealed class DiscordApplication
{
    private readonly TaskCompletionSource<GatewayReady> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ulong> _id = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once, with the first READY; faults when the gateway stops for good first.</summary>
    public Task<GatewayReady> Ready => _ready.Task;

    /// <summary>Completes when the id is known.</summary>
    public Task<ulong> WhenKnown => _id.Task;

    /// <summary>The application id once known, else null.</summary>
#pragma warning disable RS0030 // .Result of a task that has already completed: nothing blocks.
    public ulong? Id => _id.Task.IsCompletedSuccessfully ? _id.Task.Result : null;
#pragma warning restore RS0030

    internal bool SetReady(GatewayReady ready)
    {
        _id.TrySetResult(ready.ApplicationId);
        return _ready.TrySetResult(ready);
    }

    internal void Set(ulong id) => _id.TrySetResult(id);

    internal void Fail(Exception exception)
    {
        _ready.TrySetException(exception);
        _id.TrySetException(exception);
    }
}
