using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Articles;

namespace Portal.Api.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Slug).HasMaxLength(120);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Author).HasMaxLength(100);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.Status, a.DeletedAt, a.PublishedAt });
        builder.OwnsOne(a => a.CoverImage);
        builder.OwnsOne(a => a.Source, s =>
        {
            s.Property(x => x.Name).HasMaxLength(200);
            s.Property(x => x.FeedGuid).HasMaxLength(500);
        });
        builder.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Tags).WithOne().HasForeignKey(t => t.ArticleId);
    }
}

internal sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> builder)
    {
        builder.HasKey(t => new { t.ArticleId, t.Key });
        builder.Property(t => t.Name).HasMaxLength(50);
        builder.Property(t => t.Key).HasMaxLength(60);
        builder.HasIndex(t => t.Key);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Slug).HasMaxLength(120);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> builder)
    {
        builder.HasKey(r => r.OldSlug);
        builder.Property(r => r.OldSlug).HasMaxLength(120);
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId);
    }
}

internal sealed class CategorySlugRedirectConfiguration : IEntityTypeConfiguration<CategorySlugRedirect>
{
    public void Configure(EntityTypeBuilder<CategorySlugRedirect> builder)
    {
        builder.HasKey(r => r.OldSlug);
        builder.Property(r => r.OldSlug).HasMaxLength(120);
        // A deleted category takes its former slugs with it (they become free again).
        builder.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleDirectiveLinkConfiguration : IEntityTypeConfiguration<ArticleDirectiveLink>
{
    public void Configure(EntityTypeBuilder<ArticleDirectiveLink> builder)
    {
        builder.HasKey(l => new { l.ArticleId, l.NumberKey });
        builder.Property(l => l.NumberKey).HasMaxLength(100);
        builder.Property(l => l.Text).HasMaxLength(200);
        builder.HasIndex(l => l.DirectiveId);
        builder.HasIndex(l => l.NumberKey);
        builder.HasOne<Article>().WithMany().HasForeignKey(l => l.ArticleId);
        builder.HasOne<Portal.Domain.Directives.Directive>().WithMany().HasForeignKey(l => l.DirectiveId).OnDelete(DeleteBehavior.SetNull);
    }
}
