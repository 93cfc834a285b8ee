using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class PostRecordConfiguration : IEntityTypeConfiguration<PostRecord>
{
    public void Configure(EntityTypeBuilder<PostRecord> builder)
    {
        builder.ToTable("post_records");
        builder.HasKey(p => p.Id);

        // The claim: one post per server, kind, week and subject, whatever restarts in between.
        builder.HasIndex(p => new { p.GuildId, p.Kind, p.SeasonYear, p.Week, p.DiscordUserId }).IsUnique();
        builder.Property(p => p.Kind).HasMaxLength(32);
        builder.Property(p => p.Outcome).HasMaxLength(300);
    }
}
