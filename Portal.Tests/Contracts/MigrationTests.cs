using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts;

public sealed class MigrationTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task The_committed_migrations_match_the_model()
    {
        _ = portal.App.Client();
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration covers: add a migration (see README).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
