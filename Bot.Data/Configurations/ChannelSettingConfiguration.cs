using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class ChannelSettingConfiguration : IEntityTypeConfiguration<ChannelSetting>
{
    public void Configure(EntityTypeBuilder<ChannelSetting> builder)
    {
        builder.ToTable("channel_settings", t => t.HasCheckConstraint(
            "ck_channel_settings_minute", "recap_minute_of_day >= 0 AND recap_minute_of_day < 1440"));
        builder.HasKey(s => s.GuildId);
        builder.Property(s => s.GuildId).ValueGeneratedNever();
        builder.Property(s => s.LastPostOutcome).HasMaxLength(300);
    }
}
