namespace Bot.Strava.Linking;

/// <summary>Why an OAuth state was refused.</summary>
internal enum StateProblem
{
    Missing,
    Forged,
    Expired,
    Replayed,
}
