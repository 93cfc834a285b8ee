using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.DiscordUserId).IsUnique().HasFilter("discord_user_id IS NOT NULL");
        builder.HasIndex(m => m.StravaAthleteId).IsUnique().HasFilter("strava_athlete_id IS NOT NULL");
        builder.Property(m => m.LinkState).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(m => m.Participations).WithOne(p => p.Member).HasForeignKey(p => p.MemberId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Activities).WithOne(a => a.Member).HasForeignKey(a => a.MemberId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
