namespace Bot.Pictures;

/// <summary>A week's points per consenting member against the required points.</summary>
public sealed record WeekPicture(int Season, int Week, bool InProgress, decimal PointsRequired, string Currency, IReadOnlyList<WeekBar> Bars, int Hidden);
