using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts;

public sealed class MigrationTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public void The_committed_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no SQLite migration covers: see README, 'Working on Portal'.");
    }

    [Fact]
    public void The_committed_PostgreSQL_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no PostgreSQL migration covers: see README, 'Working on Portal'.");
    }

    [Fact]
    public async Task The_running_database_has_every_migration_applied()
    {
        _ = portal.App.Client();
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }
}
