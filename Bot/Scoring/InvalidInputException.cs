namespace Bot.Scoring;

/// <summary>
/// Bad input found while reading a case or a rules object: where (a JSON path) and why, in English; and, where a host
/// may say it in another language (the rules an admin sets), the same reason as a code with its values.
/// </summary>
public sealed class InvalidInputException(string path, string reason, InputProblem? problem = null)
    : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;

    /// <summary>The reason as a code and its values (see <see cref="InputProblem"/>); null where only the English exists.</summary>
    public InputProblem? Problem { get; } = problem;
}
