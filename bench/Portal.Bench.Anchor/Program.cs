using Microsoft.EntityFrameworkCore;
using Portal.Bench.Anchor;

// The anchor: what a straightforward EF Core implementation of "get one article" reaches over Portal's own rows — a
// scoped DbContext, a tracking query with Include, reflection-based JSON. Portal's uncached article read is measured
// against it (bench/README.md). Read-only; it never writes.
//   Portal.Bench.Anchor --urls http://127.0.0.1:5197 --Database:Path <portal.db>
//   Portal.Bench.Anchor --urls … --Database:Provider Postgres --Database:ConnectionString "Host=…"
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var database = builder.Configuration.GetSection("Database");
builder.Services.AddDbContext<AnchorDb>(o =>
{
    if (database["Provider"] == "Postgres")
    {
        o.UseNpgsql(database["ConnectionString"]);
    }
    else
    {
        o.UseSqlite($"Data Source={database["Path"]}");
    }
});
var app = builder.Build();

app.MapGet("/api/v1/articles/{idOrSlug}", async (string idOrSlug, AnchorDb db, CancellationToken ct) =>
{
    var now = DateTime.UtcNow;
    var visible = db.Articles.Include(a => a.Category).Include(a => a.Tags)
        .Where(a => a.DeletedAt == null && a.Status == "Published" && a.PublishedAt <= now);
    var article = Guid.TryParse(idOrSlug, out var id)
        ? await visible.FirstOrDefaultAsync(a => a.Id == id, ct)
        : await visible.FirstOrDefaultAsync(a => a.Slug == idOrSlug, ct);
    return article is null ? Results.NotFound() : Results.Ok(new
    {
        article.Id,
        article.Slug,
        article.Title,
        article.Summary,
        article.BodyHtml,
        article.Author,
        Category = article.Category is null ? null : new { article.Category.Id, article.Category.Name, article.Category.Slug },
        Tags = article.Tags.Select(t => t.Name).ToList(),
        article.PublishedAt,
        article.CreatedAt,
        article.UpdatedAt,
        article.ViewCount,
        article.Version,
    });
});
app.MapGet("/api/v1/settings", () => Results.Ok()); // run.sh's readiness probe
app.Run();
