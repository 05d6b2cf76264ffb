using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>Seeding is idempotent: a restart never duplicates content or overwrites data edited since.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_second_start_on_the_same_database_neither_duplicates_nor_overwrites()
    {
        var path = Path.Combine(Path.GetTempPath(), "portal-tests", $"{Guid.NewGuid():N}.db");
        using (var first = new PortalApp(path) { KeepDatabase = true })
        {
            _ = first.Client();
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Settings.ExecuteUpdateAsync(s => s.SetProperty(x => x.SiteName, "Edited name"));
            await db.Articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Edited title"));
        }

        using var second = new PortalApp(path);
        second.KeepDatabase = false;
        var client = second.Client();
        var settings = await (await client.GetAsync("/api/v1/settings")).Json();
        Assert.Equal("Edited name", settings["siteName"]!.GetValue<string>());
        var articles = await (await client.GetAsync("/api/v1/articles")).Json();
        Assert.Equal(1, articles["totalItems"]!.GetValue<int>());
        Assert.Equal("Edited title", articles["items"]![0]!["title"]!.GetValue<string>());
        var directives = await (await client.GetAsync("/api/v1/directives")).Json();
        Assert.Equal(2, directives["totalItems"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task The_database_runs_in_WAL_mode_with_a_busy_timeout()
    {
        Skip.If(TestDatabase.IsPostgres, "SQLite-only: WAL and busy_timeout are SQLite settings");
        using var app = new PortalApp();
        _ = app.Client();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        Assert.Equal("wal", await Scalar(db, "PRAGMA journal_mode;"));
        Assert.Equal("10000", await Scalar(db, "PRAGMA busy_timeout;"));
    }

    private static async Task<string> Scalar(PortalDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
