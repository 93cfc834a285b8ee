namespace Bot.Strava.Linking;

/// <summary>
/// A checked state: the Discord user and guild it was issued for, the names shown for them and whether Strava's
/// consent page is forced, or why it was refused.
/// </summary>
internal sealed record StateCheck(StateProblem? Problem, long DiscordUserId, long GuildId, LinkLabels Labels, bool ForceApproval = false)
{
    public bool IsValid => Problem is null;

    public static StateCheck Refused(StateProblem problem) => new(problem, 0, 0, LinkLabels.Unknown);
}
