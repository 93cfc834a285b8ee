using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class LegacyWeekResultConfiguration : IEntityTypeConfiguration<LegacyWeekResult>
{
    public void Configure(EntityTypeBuilder<LegacyWeekResult> builder)
    {
        builder.ToTable("legacy_week_results", t => t.HasCheckConstraint("ck_legacy_week_results_result", "result IN (0, 1, 2)"));
        builder.HasKey(r => new { r.ParticipationId, r.Week });
        builder.Property(r => r.Result).HasConversion<int>();
    }
}
