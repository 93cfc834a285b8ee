using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> builder)
    {
        builder.ToTable("challenges");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.GuildId, c.SeasonYear }).IsUnique();
        builder.Property(c => c.TimeZone).HasMaxLength(64);
    }
}
