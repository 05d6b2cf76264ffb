using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Common;

namespace Portal.Bench.Seed;

/// <summary>
/// The lists random loads draw from (bench/random.lua), one request target a line: every article readers can see by id
/// and by slug (<c>articles.tsv</c>: id, slug), the first 50 pages of the list and of each category, and every
/// visible directive by number. Drafts, archived and deleted items are left out: every target must answer 200.
/// </summary>
internal static class TargetLists
{
    private const int PageSize = 20;

    /// <summary>Readers page back through a list only so far; deeper pages (an OFFSET scan in any implementation) are not drawn.</summary>
    private const int MaxPages = 50;

    public static async Task WriteAsync(IServiceProvider services, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = DateTime.UtcNow;
        var visible = db.Articles.AsNoTracking().Where(a => a.DeletedAt == null && a.Status == ContentStatus.Published && a.PublishedAt <= now);
        var articles = await visible.OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug }).ToListAsync(ct);
        await File.WriteAllLinesAsync(Path.Combine(folder, "articles.tsv"), articles.Select(a => $"{a.Id}\t{a.Slug}"), ct);

        var lists = Pages("/api/v1/articles?page={0}", articles.Count);
        var categories = await visible.Where(a => a.Category != null).GroupBy(a => a.Category!.Slug).Select(g => new { Slug = g.Key, Count = g.Count() }).ToListAsync(ct);
        lists.AddRange(categories.SelectMany(c => Pages($"/api/v1/articles?category={Uri.EscapeDataString(c.Slug)}&page={{0}}", c.Count)));
        await File.WriteAllLinesAsync(Path.Combine(folder, "lists.txt"), lists, ct);

        var numbers = await db.Directives.AsNoTracking()
            .Where(d => d.DeletedAt == null && d.Status == ContentStatus.Published && d.PublishedAt <= now)
            .Select(d => d.Number).ToListAsync(ct);
        // by-number takes the number as one path segment, its '/' escaped.
        await File.WriteAllLinesAsync(
            Path.Combine(folder, "directives.txt"),
            numbers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(n => "/api/v1/directives/by-number/" + Uri.EscapeDataString(n)),
            ct);
    }

    private static List<string> Pages(string format, int items) =>
        Enumerable.Range(1, Math.Clamp((items + PageSize - 1) / PageSize, 1, MaxPages))
            .Select(p => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, p)).ToList();
}
