using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class FrozenWeekResultConfiguration : IEntityTypeConfiguration<FrozenWeekResult>
{
    public void Configure(EntityTypeBuilder<FrozenWeekResult> builder)
    {
        builder.ToTable("frozen_week_results");
        builder.HasKey(r => new { r.ParticipationId, r.Week });
        builder.Property(r => r.Status).HasMaxLength(16);
    }
}
