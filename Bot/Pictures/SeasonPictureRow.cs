namespace Bot.Pictures;

/// <summary>One member's row: a cell per season week (index 0 = week 1) and the season total.</summary>
public sealed record SeasonPictureRow(string Name, IReadOnlyList<PictureCell> Cells, decimal Total);
