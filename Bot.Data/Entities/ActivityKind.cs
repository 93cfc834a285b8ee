namespace Bot.Data.Entities;

/// <summary>
/// A distinct (legacy type, sport type) pair. Activities point at one, so the season read returns
/// numbers only; a season has a few dozen kinds and hundreds of thousands of activities.
/// </summary>
public sealed class ActivityKind
{
    public int Id { get; set; }

    public string? Type { get; set; }

    public string? SportType { get; set; }
}
