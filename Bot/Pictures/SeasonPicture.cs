using Bot.Texts;

namespace Bot.Pictures;

/// <summary>
/// What the season picture shows: consenting members only (the others are only counted), each with
/// one cell per week and a total, and the pot of the whole season; its labels in <see cref="Language"/>.
/// </summary>
public sealed record SeasonPicture(
    int Season, DateOnly AsOf, int WeekCount, decimal Pot, string Currency, IReadOnlyList<SeasonPictureRow> Rows, int Hidden, int Uncounted, Language Language = Language.English);
