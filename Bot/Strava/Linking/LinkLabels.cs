using Bot.Discord.Entities;

namespace Bot.Strava.Linking;

/// <summary>
/// Who a Strava link was made for, as the connect and success pages name them: the Discord account that ran
/// /strava_auth and the server it ran in. Either is null when not known (an older state, Discord did not say).
/// </summary>
internal sealed record LinkLabels(string? Account, string? Server)
{
    public static readonly LinkLabels Unknown = new(null, null);

    public string AccountText => Account ?? "the Discord account that made this link";

    public string ServerText => Server ?? "this server";

    /// <summary>
    /// The display name with the unique username beside it ("Ada (@ada)"), since anyone can choose a display
    /// name that looks like someone else's; "@ada" when they are the same or there is none.
    /// </summary>
    public static string AccountOf(DiscordUser user) =>
        string.IsNullOrWhiteSpace(user.GlobalName) || user.GlobalName == user.Username ? $"@{user.Username}" : $"{user.GlobalName} (@{user.Username})";
}
