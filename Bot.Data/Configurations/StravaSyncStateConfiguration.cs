using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class StravaSyncStateConfiguration : IEntityTypeConfiguration<StravaSyncState>
{
    public void Configure(EntityTypeBuilder<StravaSyncState> builder)
    {
        builder.ToTable("strava_sync_states");
        builder.HasKey(s => s.MemberId);
        builder.Property(s => s.MemberId).ValueGeneratedNever();
        builder.Property(s => s.BackfilledFromLocal).HasColumnName("backfilled_from_local_ticks")
            .HasConversion(LocalTicksConverter.NullableInstance);
        builder.HasOne(s => s.Member).WithOne().HasForeignKey<StravaSyncState>(s => s.MemberId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
