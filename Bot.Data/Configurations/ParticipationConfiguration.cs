using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> builder)
    {
        builder.ToTable("participations", t => t.HasCheckConstraint("ck_participations_jokers_left", "jokers_left >= 0"));
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.ChallengeId, p.MemberId }).IsUnique();
        builder.HasIndex(p => p.MemberId);
        builder.HasOne(p => p.Challenge).WithMany(c => c.Participations).HasForeignKey(p => p.ChallengeId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.JokerWeeks).WithOne(j => j.Participation).HasForeignKey(j => j.ParticipationId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.LegacyWeekResults).WithOne(r => r.Participation).HasForeignKey(r => r.ParticipationId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.FrozenWeeks).WithOne(r => r.Participation).HasForeignKey(r => r.ParticipationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
