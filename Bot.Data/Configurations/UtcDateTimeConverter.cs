using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bot.Data.Configurations;

/// <summary>Writes every DateTime as UTC and reads it back with Kind Utc.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
