namespace Bot.Tests.Discord.Gateway;

/// <summary>A Random whose NextDouble is fixed, so jitter and backoff are predictable.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;

    protected override double Sample() => value;
}
