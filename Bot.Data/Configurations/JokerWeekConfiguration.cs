using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class JokerWeekConfiguration : IEntityTypeConfiguration<JokerWeek>
{
    public void Configure(EntityTypeBuilder<JokerWeek> builder)
    {
        builder.ToTable("joker_weeks");
        builder.HasKey(j => new { j.ParticipationId, j.Week });
    }
}
