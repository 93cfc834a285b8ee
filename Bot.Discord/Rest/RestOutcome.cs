namespace Bot.Discord.Rest;

/// <summary>What to do with one answer: return <see cref="Final"/>, or wait <see cref="RetryAfter"/> and send again (a 429).</summary>
internal readonly record struct RestOutcome(RestResponse? Final, TimeSpan RetryAfter)
{
    public static RestOutcome Done(RestResponse response) => new(response, TimeSpan.Zero);

    public static RestOutcome Retry(TimeSpan after) => new(null, after);
}
