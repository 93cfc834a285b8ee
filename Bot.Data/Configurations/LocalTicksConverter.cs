using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bot.Data.Configurations;

/// <summary>Stores a wall-clock DateTime as INTEGER ticks: compact, index-friendly and cheap to read.</summary>
internal static class LocalTicksConverter
{
    public static readonly ValueConverter<DateTime, long> Instance = new(
        v => v.Ticks,
        v => new DateTime(v, DateTimeKind.Unspecified));

    public static readonly ValueConverter<DateTime?, long?> NullableInstance = new(
        v => v.HasValue ? v.Value.Ticks : null,
        v => v.HasValue ? new DateTime(v.Value, DateTimeKind.Unspecified) : null);
}
