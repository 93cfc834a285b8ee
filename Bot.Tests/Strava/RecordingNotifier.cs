using System.Collections.Concurrent;
using Bot.Strava;

namespace Bot.Tests.Strava;

/// <summary>Records what members are told instead of sending a DM.</summary>
internal sealed class RecordingNotifier : IMemberNotifier
{
    private readonly ConcurrentQueue<(long DiscordUserId, string Message)> _sent = new();

    public IReadOnlyList<(long DiscordUserId, string Message)> Sent => [.. _sent];

    public Task NotifyAsync(long discordUserId, string message, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue((discordUserId, message));
        return Task.CompletedTask;
    }
}
