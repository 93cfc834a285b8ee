namespace Bot.Discord.Gateway;

/// <summary>
/// Learns the application id from the first READY. Singleton; await <see cref="Ready"/> before using
/// routes that need the id. Continuations never run on the gateway read thread.
/// </summary>
public sealed class DiscordApplication
{
    private readonly TaskCompletionSource<GatewayReady> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once, with the first READY; faults when the gateway stops for good first.</summary>
    public Task<GatewayReady> Ready => _ready.Task;

    /// <summary>The application id once READY has arrived, else null.</summary>
    public ulong? Id => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result.ApplicationId : null;

    internal bool SetReady(GatewayReady ready) => _ready.TrySetResult(ready);

    internal void Fail(Exception exception) => _ready.TrySetException(exception);
}
