using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Hits;
using Portal.Domain.Settings;

namespace Portal.Api.Data.Configurations;

internal sealed class SettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.ToTable("Settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
        // The lists are small and always read with the settings: one JSON column each.
        builder.OwnsMany(s => s.ThemeColours, b => b.ToJson());
        builder.OwnsMany(s => s.Banners, b => b.ToJson());
        builder.OwnsMany(s => s.Links, b => b.ToJson());
    }
}

internal sealed class DailyHitsConfiguration : IEntityTypeConfiguration<DailyHits>
{
    public void Configure(EntityTypeBuilder<DailyHits> builder) => builder.HasKey(d => d.Day);
}

internal sealed class VisitorSessionConfiguration : IEntityTypeConfiguration<VisitorSession>
{
    public void Configure(EntityTypeBuilder<VisitorSession> builder)
    {
        builder.ToTable("VisitorSessions");
        builder.HasKey(s => s.VisitorHash);
        builder.Property(s => s.VisitorHash).HasMaxLength(32);
        // The counter deletes expired rows oldest first, a bounded number per flush.
        builder.HasIndex(s => s.LastSeen);
    }
}

internal sealed class AppliedSeedConfiguration : IEntityTypeConfiguration<AppliedSeed>
{
    public void Configure(EntityTypeBuilder<AppliedSeed> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<Portal.Domain.Access.ApiKey>
{
    public void Configure(EntityTypeBuilder<Portal.Domain.Access.ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(8);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<Portal.Domain.Media.MediaItem>
{
    public void Configure(EntityTypeBuilder<Portal.Domain.Media.MediaItem> builder)
    {
        builder.ToTable("Media");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.FileName).HasMaxLength(255);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.Property(m => m.StoragePath).HasMaxLength(300);
    }
}
