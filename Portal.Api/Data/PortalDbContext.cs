using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Articles;
using Portal.Domain.Directives;
using Portal.Domain.Feeds;
using Portal.Domain.Hits;
using Portal.Domain.Media;
using Portal.Domain.Settings;
using Portal.Domain.Sync;

namespace Portal.Api.Data;

/// <summary>
/// Portal's unit of work. One <see cref="IEntityTypeConfiguration{TEntity}"/> per entity lives in Configurations/.
/// Each database engine has a subclass that owns its migrations (<see cref="SqlitePortalDbContext"/>,
/// <see cref="PostgresPortalDbContext"/>); the rest of the code uses this type.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();

    public DbSet<CategorySlugRedirect> CategorySlugRedirects => Set<CategorySlugRedirect>();

    public DbSet<ArticleDirectiveLink> ArticleDirectiveLinks => Set<ArticleDirectiveLink>();

    public DbSet<Directive> Directives => Set<Directive>();

    public DbSet<DirectiveRelation> DirectiveRelations => Set<DirectiveRelation>();

    public DbSet<DirectiveAttachment> DirectiveAttachments => Set<DirectiveAttachment>();

    public DbSet<IssuingBody> IssuingBodies => Set<IssuingBody>();

    public DbSet<SiteSettings> Settings => Set<SiteSettings>();

    public DbSet<DailyHits> DailyHits => Set<DailyHits>();

    public DbSet<VisitorSession> VisitorSessions => Set<VisitorSession>();

    public DbSet<AppliedSeed> AppliedSeeds => Set<AppliedSeed>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<MediaItem> Media => Set<MediaItem>();

    public DbSet<FeedSource> FeedSources => Set<FeedSource>();

    public DbSet<FeedItem> FeedItems => Set<FeedItem>();

    public DbSet<FeedRun> FeedRuns => Set<FeedRun>();

    public DbSet<ChangeRecord> Changes => Set<ChangeRecord>();

    public DbSet<PendingPublication> PendingPublications => Set<PendingPublication>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>A transaction the change-log interceptor opened around one SaveChanges (PostgreSQL only).</summary>
    internal Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? ChangeLogTransaction { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC and read back as UTC: SQLite has no time-zone type, and a DateTime of
        // kind Unspecified would be serialised without its "Z".
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>Records which seed sets have been applied, so a restart never re-seeds edited or deleted content.</summary>
public sealed class AppliedSeed
{
    public string Name { get; set; } = "";

    public DateTime AppliedAt { get; set; }
}
