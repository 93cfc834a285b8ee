namespace Bot.Strava;

/// <summary>What members are told privately about their Strava link.</summary>
internal static class MemberMessages
{
    public const string NeedsRelink =
        "Strava no longer accepts the bot's access to your account, so your activities are not being updated. " +
        "Link it again with `/strava_auth`; until then your weeks show what was synced last.";

    public static string BackfillFailed(string problem) =>
        $"Your Strava link is stored, but fetching your activities failed ({problem}). The bot tries again by itself.";
}
