namespace Bot.Discord.Gateway;

/// <summary>
/// Reconnect delays: the first retry is immediate, then full jitter, U(0, min(cap, 1 s * 2^(n-1))).
/// Reset after a stable session. Used by the gateway thread only.
/// </summary>
internal sealed class GatewayBackoff(Random random)
{
    public static readonly TimeSpan Base = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(120);

    private int _attempt;

    public int Attempt => _attempt;

    public TimeSpan NextDelay()
    {
        var attempt = _attempt;
        _attempt = Math.Min(attempt + 1, 30);
        if (attempt == 0)
        {
            return TimeSpan.Zero;
        }

        var ceiling = Math.Min(Cap.TotalMilliseconds, Base.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling * random.NextDouble());
    }

    public void Reset() => _attempt = 0;
}
