namespace Bot.Web;

/// <summary>Why an OAuth state was refused.</summary>
internal enum StateProblem
{
    Missing,
    Forged,
    Expired,
    Replayed,
}
