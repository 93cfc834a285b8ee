namespace Bot.Recaps;

/// <summary>What became of a channel post (see <see cref="PostOutcome"/>).</summary>
public enum PostOutcomeKind
{
    Posted,

    /// <summary>The bot lacks permissions in the channel (Discord 50013 or a 403).</summary>
    Forbidden,

    /// <summary>The channel no longer exists (Discord 10003 or a 404).</summary>
    Gone,
    RateLimited,

    /// <summary>Any other answer of Discord; its kind, status and message are the detail.</summary>
    Other,

    /// <summary>The bot itself failed while preparing the post.</summary>
    Failed,
}
