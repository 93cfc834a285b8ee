namespace Bot.Data.Entities;

/// <summary>The values of <see cref="PostRecord.Kind"/>.</summary>
public static class PostKinds
{
    public const string Recap = "recap";

    public const string SeasonClose = "season-close";

    public const string Reminder = "reminder";

    public const string Milestone = "milestone";
}
