namespace Bot.Pictures;

/// <summary>One member's week in the season picture; <see cref="Amount"/> shades a failed week.</summary>
public readonly record struct PictureCell(CellKind Kind, decimal Amount = 0);
