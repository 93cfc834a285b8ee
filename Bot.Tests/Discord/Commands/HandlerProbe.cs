using System.Collections.Concurrent;
using Bot.Discord.Commands;

namespace Bot.Tests.Discord.Commands;

/// <summary>What the test modules were called with; <see cref="Behaviour"/> decides what a handler does.</summary>
internal sealed class HandlerProbe
{
    public ConcurrentQueue<(string Command, InteractionContext Context, object?[] Arguments)> Calls { get; } = new();

    public Func<string, InteractionContext, Task> Behaviour { get; set; } = static (_, ctx) => ctx.CreateResponseAsync("ok");

    public Task RunAsync(string command, InteractionContext context, params object?[] arguments)
    {
        Calls.Enqueue((command, context, arguments));
        return Behaviour(command, context);
    }
}
