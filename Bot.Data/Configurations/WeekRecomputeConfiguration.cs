using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class WeekRecomputeConfiguration : IEntityTypeConfiguration<WeekRecompute>
{
    public void Configure(EntityTypeBuilder<WeekRecompute> builder)
    {
        builder.ToTable("week_recomputes");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.ChallengeId, r.AtUtc });
        builder.Property(r => r.OldStatus).HasMaxLength(16);
        builder.Property(r => r.NewStatus).HasMaxLength(16);
        builder.Property(r => r.Reason).HasMaxLength(200);

        // A member's recompute history is theirs: it goes when they (or the season) are deleted.
        builder.HasOne(r => r.Challenge).WithMany().HasForeignKey(r => r.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Member).WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
