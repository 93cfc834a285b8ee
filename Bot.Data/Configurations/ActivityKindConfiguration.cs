using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class ActivityKindConfiguration : IEntityTypeConfiguration<ActivityKind>
{
    public void Configure(EntityTypeBuilder<ActivityKind> builder)
    {
        builder.ToTable("activity_kinds");
        builder.HasKey(k => k.Id);
        // Lookups by pair; uniqueness (NULLs included) is kept by ActivityKindAssigner inside the write lock.
        builder.HasIndex(k => new { k.Type, k.SportType });
    }
}
