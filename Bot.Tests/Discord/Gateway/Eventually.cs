namespace Bot.Tests.Discord.Gateway;

/// <summary>Polls a condition the gateway threads make true, with a real-time bound.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(5);
        }

        return condition();
    }

    public static async Task ThatAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        Assert.That(await TrueAsync(condition, timeout), Is.True, $"timed out waiting for: {what}");
    }
}
