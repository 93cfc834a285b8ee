namespace Bot.Scoring;

/// <summary>Bad input found while reading a case or a rules object: where (a JSON path) and why.</summary>
public sealed class InvalidInputException(string path, string reason)
    : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}
