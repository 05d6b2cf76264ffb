using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Articles;
using Portal.Domain.Feeds;

namespace Portal.Api.Data.Configurations;

internal sealed class FeedSourceConfiguration : IEntityTypeConfiguration<FeedSource>
{
    public void Configure(EntityTypeBuilder<FeedSource> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Url).HasMaxLength(FeedSourceCommandValidator.UrlMax);
        builder.Property(s => s.ETag).HasMaxLength(500);
        builder.Property(s => s.LastModified).HasMaxLength(100);
        builder.Property(s => s.Version).IsConcurrencyToken();
        // The poller's query: enabled sources whose next poll has come.
        builder.HasIndex(s => new { s.Enabled, s.NextPollAt });
        // Deleting a category leaves its feed sources without one rather than failing.
        builder.HasOne<Category>().WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FeedItemConfiguration : IEntityTypeConfiguration<FeedItem>
{
    public void Configure(EntityTypeBuilder<FeedItem> builder)
    {
        builder.HasKey(i => new { i.SourceId, i.Key });
        builder.Property(i => i.Key).HasMaxLength(500);
        builder.Property(i => i.ContentHash).HasMaxLength(64);
        builder.HasIndex(i => i.ArticleId);
        builder.HasOne<FeedSource>().WithMany().HasForeignKey(i => i.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(i => i.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedRunConfiguration : IEntityTypeConfiguration<FeedRun>
{
    public void Configure(EntityTypeBuilder<FeedRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.SourceId, r.StartedAt });
        builder.HasOne<FeedSource>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
        // Errors are read only with their run: one JSON column.
        builder.OwnsMany(r => r.Errors, e => e.ToJson());
    }
}
