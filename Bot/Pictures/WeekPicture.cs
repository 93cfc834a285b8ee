using Bot.Texts;

namespace Bot.Pictures;

/// <summary>A week's points per consenting member against the required points; its labels in <see cref="Language"/>.</summary>
public sealed record WeekPicture(int Season, int Week, bool InProgress, decimal PointsRequired, string Currency, IReadOnlyList<WeekBar> Bars, int Hidden, Language Language = Language.English);
