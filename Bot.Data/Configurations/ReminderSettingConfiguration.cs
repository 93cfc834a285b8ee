using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class ReminderSettingConfiguration : IEntityTypeConfiguration<ReminderSetting>
{
    public void Configure(EntityTypeBuilder<ReminderSetting> builder)
    {
        builder.ToTable("reminder_settings", t => t.HasCheckConstraint(
            "ck_reminder_settings_minute", "minute_of_day >= 0 AND minute_of_day < 1440"));
        builder.HasKey(r => new { r.GuildId, r.DiscordUserId });
        builder.Property(r => r.SwitchedOffNotice).HasMaxLength(300);
    }
}
