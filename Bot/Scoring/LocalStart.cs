namespace Bot.Scoring;

/// <summary>
/// Reads Strava's <c>start_date_local</c> as wall-clock time: <c>YYYY-MM-DDTHH:MM[:SS[.fraction]]</c>
/// (a space may replace the T), optionally followed by <c>Z</c> or <c>±HH[:MM]</c>, which are ignored.
/// </summary>
public static class LocalStart
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime wallClock)
    {
        wallClock = default;
        if (text.Length < 16 || !TryDigits(text[..4], out var year) || text[4] != '-' ||
            !TryDigits(text.Slice(5, 2), out var month) || text[7] != '-' ||
            !TryDigits(text.Slice(8, 2), out var day) || (text[10] != 'T' && text[10] != ' ') ||
            !TryDigits(text.Slice(11, 2), out var hour) || text[13] != ':' ||
            !TryDigits(text.Slice(14, 2), out var minute))
        {
            return false;
        }

        var rest = text[16..];
        var second = 0;
        long fractionTicks = 0;
        if (rest.Length > 0 && rest[0] == ':')
        {
            if (rest.Length < 3 || !TryDigits(rest.Slice(1, 2), out second))
            {
                return false;
            }

            rest = rest[3..];
            if (rest.Length > 0 && rest[0] == '.')
            {
                var digits = 1;
                while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
                {
                    digits++;
                }

                if (digits == 1 || !TryFraction(rest[1..digits], out fractionTicks))
                {
                    return false;
                }

                rest = rest[digits..];
            }
        }

        if (!IsZoneSuffix(rest) || year < 1 || month is < 1 or > 12 || hour > 23 || minute > 59 || second > 59 ||
            day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        wallClock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        return true;
    }

    private static bool IsZoneSuffix(ReadOnlySpan<char> rest) =>
        rest.Length == 0 ||
        (rest.Length == 1 && rest[0] == 'Z') ||
        ((rest.Length == 3 || (rest.Length == 6 && rest[3] == ':' && TryDigits(rest.Slice(4, 2), out _))) &&
         (rest[0] == '+' || rest[0] == '-') && TryDigits(rest.Slice(1, 2), out _));

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>The fraction of a second in ticks; digits past the seventh are dropped.</summary>
    private static bool TryFraction(ReadOnlySpan<char> digits, out long ticks)
    {
        ticks = 0;
        for (var i = 0; i < 7; i++)
        {
            ticks = (ticks * 10) + (i < digits.Length ? digits[i] - '0' : 0);
        }

        return true;
    }
}
