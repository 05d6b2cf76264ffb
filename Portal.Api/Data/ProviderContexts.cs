using Microsoft.EntityFrameworkCore;

namespace Portal.Api.Data;

/// <summary>The SQLite context (the embedded default); its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

/// <summary>The PostgreSQL context (scale-out); its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
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
