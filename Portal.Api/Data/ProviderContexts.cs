using Microsoft.EntityFrameworkCore;

namespace Portal.Api.Data;

/// <summary>The SQLite context (the embedded default); its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Text search filters by rowid, the key of the FTS5 trigram indexes (SearchIndexSql).
        Infrastructure.SubstringSearch.MapRowId(modelBuilder);
    }
}

/// <summary>The PostgreSQL context (scale-out); its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Substring search (LIKE '%term%' on the folded text) through trigram GIN indexes. CREATE EXTENSION needs a
        // superuser or a role allowed to create it (pg_trgm is a trusted extension since PostgreSQL 13, so the database
        // owner may); elsewhere an administrator runs `CREATE EXTENSION pg_trgm;` in Portal's database before migrating.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<Domain.Articles.Article>().HasIndex(a => a.SearchText)
            .HasDatabaseName("IX_Articles_SearchText_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        modelBuilder.Entity<Domain.Directives.Directive>().HasIndex(d => d.SearchText)
            .HasDatabaseName("IX_Directives_SearchText_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        // Instances share the database, so the version their response caches check lives in it (SQLite keeps it in memory).
        modelBuilder.Entity<ContentVersionRow>(b =>
        {
            b.ToTable(Infrastructure.Caching.DatabaseContentVersion.Table);
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.HasData(new ContentVersionRow { Id = 1, Value = 0 });
        });
    }
}

/// <summary>The single row of <c>ContentVersions</c>: raised by every committed write (PostgreSQL only).</summary>
internal sealed class ContentVersionRow
{
    public int Id { get; set; }

    public long Value { get; set; }
}

/// <summary>Hands out the configured engine's contexts as <see cref="PortalDbContext"/>.</summary>
internal sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
    where TContext : PortalDbContext
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
