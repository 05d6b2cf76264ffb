using Microsoft.EntityFrameworkCore;

namespace Portal.Bench.Anchor;

/// <summary>Portal's article rows as a plain model maps them: the columns a reader needs, by convention.</summary>
internal sealed class AnchorDb(DbContextOptions<AnchorDb> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Article>().ToTable("Articles");
        modelBuilder.Entity<Category>().ToTable("Categories");
        modelBuilder.Entity<ArticleTag>().ToTable("ArticleTag").HasKey(t => new { t.ArticleId, t.Key });
    }
}

internal sealed class Article
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public string BodyHtml { get; set; } = "";
    public string? Author { get; set; }
    public string Status { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public long ViewCount { get; set; }
    public int Version { get; set; }
    public Guid? CategoryId { get; set; }
    public Category? Category { get; set; }
    public List<ArticleTag> Tags { get; set; } = [];
}

internal sealed class Category
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
}

internal sealed class ArticleTag
{
    public Guid ArticleId { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
}
