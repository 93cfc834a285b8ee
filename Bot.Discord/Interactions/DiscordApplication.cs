namespace Bot.Discord.Interactions;

/// <summary>The bot's application id, learnt from READY (<c>d.application.id</c>); needed for webhook and command routes.</summary>
public sealed class DiscordApplication
{
    private readonly TaskCompletionSource<ulong> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ulong? Id => _known.Task.IsCompletedSuccessfully ? _known.Task.Result : null;

    /// <summary>Completes when the id is known.</summary>
    public Task<ulong> WhenKnown => _known.Task;

    internal void Set(ulong id) => _known.TrySetResult(id);
}
