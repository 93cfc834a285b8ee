using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.StartLocal).HasColumnName("start_local_ticks").HasConversion(LocalTicksConverter.Instance);
        // The season read scans this index only: member, local start, then id for the documented order,
        // followed by the columns scoring needs, so no table row is visited.
        builder.HasOne(a => a.Kind).WithMany().HasForeignKey(a => a.KindId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.MemberId, a.StartLocal, a.Id, a.KindId, a.MovingTime, a.ElapsedTime })
            .HasDatabaseName("IX_activities_member_id_start_local_ticks");
    }
}
