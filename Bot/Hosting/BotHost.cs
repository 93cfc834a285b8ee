namespace Bot.Hosting;

/// <summary>Runs the bot host. Filled in with configuration, the store and Discord as features land.</summary>
internal static class BotHost
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        _ = args;
        _ = cancellationToken;
        return Task.FromResult(0);
    }
}
