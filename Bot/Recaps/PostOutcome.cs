using System.Globalization;
using Bot.Discord.Rest;

namespace Bot.Recaps;

/// <summary>
/// What became of a recap or season close, stored without words (<c>recap:49:forbidden:50013</c>) as the server's
/// last post outcome, so <c>/admin channel show</c> says it in whichever language the admin asking reads.
/// </summary>
/// <param name="What"><see cref="Recap"/> (its number is the week) or <see cref="Close"/> (its number is the season).</param>
/// <param name="Detail">Discord's error code, or for <see cref="PostOutcomeKind.Other"/> its kind, status and message.</param>
public sealed record PostOutcome(string What, int Number, PostOutcomeKind Kind, string Detail = "")
{
    public const string Recap = "recap";
    public const string Close = "close";

    public static PostOutcome Of(string what, int number, DiscordResult result) => result switch
    {
        { IsSuccess: true } => new(what, number, PostOutcomeKind.Posted),
        { ErrorCode: 50013 } or { Kind: DiscordResultKind.Forbidden } => new(what, number, PostOutcomeKind.Forbidden, Code(result, "403")),
        { ErrorCode: 10003 } or { Kind: DiscordResultKind.NotFound } => new(what, number, PostOutcomeKind.Gone, Code(result, "404")),
        { Kind: DiscordResultKind.RateLimited } => new(what, number, PostOutcomeKind.RateLimited),
        _ => new(what, number, PostOutcomeKind.Other, string.Create(CultureInfo.InvariantCulture, $"{result.Kind} {result.HttpStatus} {result.Message}")),
    };

    /// <summary>The stored form; the detail comes last, so cutting the text to the column's length cuts only the detail.</summary>
    public string Encode() => string.Create(CultureInfo.InvariantCulture, $"{What}:{Number}:{Name(Kind)}:{Detail}");

    /// <summary>The outcome a stored text stands for; null for any other text (outcomes recorded before this form were English sentences).</summary>
    public static PostOutcome? Parse(string stored)
    {
        var parts = stored.Split(':', 4);
        return parts.Length == 4
            && parts[0] is Recap or Close
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && Enum.GetValues<PostOutcomeKind>().Where(k => Name(k) == parts[2]).Select(k => (PostOutcomeKind?)k).SingleOrDefault() is { } kind
                ? new PostOutcome(parts[0], number, kind, parts[3])
                : null;
    }

    private static string Name(PostOutcomeKind kind) => kind.ToString().ToLowerInvariant();

    private static string Code(DiscordResult result, string status) => result.ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? status;
}
