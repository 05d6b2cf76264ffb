using Portal.Api;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Bench.Seed;

// Seeds a benchmark dataset through Portal's own composition, migrations and entity rules (see bench/README.md):
//   Portal.Bench.Seed --articles 10000 --directives 2000 --seed 20240604 --Database:Path <file> --Files:Root <dir>
// Prints the targets the load test requests, one key=value per line, and writes the lists random loads draw from to
// the folder --targets (TargetLists).
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Logging:LogLevel:Default"] = "Warning",
});
builder.AddPortal();
await using var app = builder.Build();
if (app.Configuration.GetValue("fresh", false))
{
    // A throwaway database (PostgreSQL with DB=postgres): start from nothing, as a fresh SQLite file does.
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.EnsureDeletedAsync();
}

await app.MigrateAndSeedAsync();

var articles = app.Configuration.GetValue("articles", 10_000);
var directives = app.Configuration.GetValue("directives", 2_000);
var seed = app.Configuration.GetValue("seed", 20240604);
// A fixed "newest" instant keeps the dataset identical from run to run (and in the past once the clock passes it).
var now = DateTime.UtcNow;
var newest = new[] { new DateTime(2026, 11, 1, 1, 0, 0, DateTimeKind.Utc), now.AddDays(-1) }.Min();
var ct = CancellationToken.None;
var clock = System.Diagnostics.Stopwatch.StartNew();

// Without the search index's per-row triggers; it is built once, from every row, at the end.
await BulkSearchIndex.DropAsync(app.Services, ct);
var seeded = await DirectiveSeeder.SeedAsync(app.Services, directives, seed, DateOnly.FromDateTime(newest), ct);
await SettingsSeeder.SeedAsync(app.Services, now, ct);
Console.Error.WriteLine($"directives: {directives} in {clock.Elapsed.TotalSeconds:F0} s");
var article = await ArticleSeeder.SeedAsync(app.Services, articles, seed, newest, seeded, ct);
var directive = seeded.Last(d => d.HasRelations);
var indexing = clock.Elapsed;
await BulkSearchIndex.CreateAsync(app.Services, ct);
Console.Error.WriteLine($"search index: {(clock.Elapsed - indexing).TotalSeconds:F0} s");

await TargetLists.WriteAsync(app.Services, app.Configuration["targets"] ?? "targets", ct);
Console.Error.WriteLine("target lists written");

Console.WriteLine($"articles={articles}");
Console.WriteLine($"directives={directives}");
Console.WriteLine($"article_id={article.Id}");
Console.WriteLine($"article_slug={article.Slug}");
Console.WriteLine($"directive_number={directive.Number}");
Console.WriteLine($"seconds={clock.Elapsed.TotalSeconds:F0}");
