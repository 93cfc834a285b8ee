namespace Bot.Data.Repositories;

/// <summary>The member a link was stored on, or why it could not be (<see cref="Conflict"/>, safe to show the user).</summary>
public sealed record StravaLinkResult(long MemberId, string? Conflict)
{
    public bool Succeeded => Conflict is null;
}
