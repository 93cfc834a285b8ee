using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Data.Configurations;

internal sealed class OAuthStateConfiguration : IEntityTypeConfiguration<OAuthState>
{
    public void Configure(EntityTypeBuilder<OAuthState> builder)
    {
        builder.ToTable("oauth_states");
        builder.HasKey(s => s.Nonce);
        builder.HasIndex(s => s.ExpiresAtUtc);
        builder.Property(s => s.UserLabel).HasMaxLength(OAuthState.LabelMaxLength);
        builder.Property(s => s.GuildName).HasMaxLength(OAuthState.LabelMaxLength);
    }
}
