namespace Bot.Web;

/// <summary>A redeemed state: the Discord user and guild it was issued for, or why it was refused.</summary>
internal sealed record StateCheck(StateProblem? Problem, long DiscordUserId, long GuildId)
{
    public bool IsValid => Problem is null;

    public static StateCheck Refused(StateProblem problem) => new(problem, 0, 0);
}
