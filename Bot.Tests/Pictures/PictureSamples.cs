using Bot.Pictures;
using Bot.Scoring;

namespace Bot.Tests.Pictures;

/// <summary>Deterministic pictures for the golden images and the benchmark-sized checks.</summary>
internal static class PictureSamples
{
    private static readonly string[] Names =
    [
        "Anna Berg", "Bram de Vries", "Chiara Rossi", "Dmitri Volkov", "Emma Schmidt-Hohenstein von Lichtenberg",
        "Farid Haddad", "Greta Lind", "Hugo Martin",
    ];

    /// <summary>A season in week 30 of 52: every kind of cell, failed amounts from small to large.</summary>
    public static SeasonPicture Season(int members = 8, int weekCount = 52, int currentWeek = 30)
    {
        var rows = new List<SeasonPictureRow>();
        for (var m = 0; m < members; m++)
        {
            var cells = new PictureCell[weekCount];
            var total = 0m;
            for (var w = 1; w <= weekCount; w++)
            {
                var roll = ((m * 37) + (w * 11) + (m * w)) % 10;
                PictureCell cell;
                if (w < 2)
                {
                    cell = new PictureCell(CellKind.NotCounted);
                }
                else if (w > currentWeek)
                {
                    cell = new PictureCell(CellKind.Future);
                }
                else if (w == currentWeek)
                {
                    cell = new PictureCell(CellKind.InProgress);
                }
                else if (roll < 5)
                {
                    cell = new PictureCell(CellKind.Passed);
                }
                else if (roll == 5)
                {
                    cell = new PictureCell(CellKind.Joker);
                }
                else
                {
                    var amount = 2m * (roll - 5);
                    total += amount;
                    cell = new PictureCell(CellKind.Failed, amount);
                }

                cells[w - 1] = cell;
            }

            rows.Add(new SeasonPictureRow(m < Names.Length ? Names[m] : $"Member {m + 1}", cells, total));
        }

        rows.Sort((a, b) => b.Total.CompareTo(a.Total));
        return new SeasonPicture(2026, new DateOnly(2026, 7, 22), weekCount, rows.Sum(r => r.Total) + 14m, "€", rows, Hidden: 2, Uncounted: 0);
    }

    public static WeekPicture Week() => new(2026, 12, InProgress: false, PointsRequired: 10, "€",
    [
        new WeekBar("Anna Berg", 14, WeekStatus.Passed, 0),
        new WeekBar("Bram de Vries", 10, WeekStatus.Passed, 0),
        new WeekBar("Chiara Rossi", 7, WeekStatus.Failed, 2),
        new WeekBar("Dmitri Volkov", 2, WeekStatus.Failed, 8),
        new WeekBar("Farid Haddad", 0, WeekStatus.Joker, 0),
    ], Hidden: 1);
}
