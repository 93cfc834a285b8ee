namespace Bot.Discord.Rest;

/// <summary>
/// The outcome of a call to Discord: expected failures (10062, 40060, 50035, a local limit) are values,
/// never exceptions. <see cref="Message"/> is safe to log and never contains a token.
/// </summary>
public sealed record DiscordResult(DiscordResultKind Kind, int HttpStatus = 0, int? ErrorCode = null, string? Message = null)
{
    public static DiscordResult Success { get; } = new(DiscordResultKind.Success);

    public bool IsSuccess => Kind == DiscordResultKind.Success;

    /// <summary>10062 (unknown interaction) or 40060 (already acknowledged): nothing more can be sent for it.</summary>
    public bool IsTerminalForInteraction => Kind is DiscordResultKind.InteractionExpired or DiscordResultKind.AlreadyAcknowledged;

    internal static DiscordResult Local(DiscordResultKind kind, string message) => new(kind, 0, null, message);
}
