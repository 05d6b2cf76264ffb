using Portal.Api.Infrastructure.Caching;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Articles;
using Portal.Api.Features.Directives;
using Portal.Api.Infrastructure;
using Portal.Domain.Articles;
using Portal.Domain.Settings;

namespace Portal.Api.Features.Syndication;

/// <summary>
/// /api/v1/feeds — RSS 2.0 and Atom 1.0 of what anonymous readers may see: the newest <see cref="MaxEntries"/>
/// published articles (whole site or one category) and directives. Never drafts, scheduled or deleted items.
/// </summary>
internal static class SyndicationEndpoints
{
    /// <summary>Entries per feed.</summary>
    public const int MaxEntries = 50;

    public static IServiceCollection AddPortalSyndication(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(configuration.GetSection(SiteUrlOptions.Section).Get<SiteUrlOptions>() ?? new SiteUrlOptions());

    public static IEndpointRouteBuilder MapSyndication(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/feeds").WithTags("Feeds");
        Describe(group.MapGet("articles.rss", ArticlesRss), "ArticlesRss", "RSS 2.0 of the newest published articles, optionally of one category", FeedFormat.Rss).UnknownCategory();
        Describe(group.MapGet("articles.atom", ArticlesAtom), "ArticlesAtom", "Atom 1.0 of the newest published articles, optionally of one category", FeedFormat.Atom).UnknownCategory();
        Describe(group.MapGet("categories/{slug}.rss", CategoryRss), "CategoryRss", "RSS 2.0 of the newest published articles of a category", FeedFormat.Rss).UnknownCategory();
        Describe(group.MapGet("categories/{slug}.atom", CategoryAtom), "CategoryAtom", "Atom 1.0 of the newest published articles of a category", FeedFormat.Atom).UnknownCategory();
        Describe(group.MapGet("directives.rss", DirectivesRss), "DirectivesRss", "RSS 2.0 of the newest published directives", FeedFormat.Rss);
        Describe(group.MapGet("directives.atom", DirectivesAtom), "DirectivesAtom", "Atom 1.0 of the newest published directives", FeedFormat.Atom);
        return app;
    }

    private static RouteHandlerBuilder Describe(RouteHandlerBuilder route, string name, string summary, FeedFormat format) =>
        route.WithName(name).WithSummary(summary)
            .WithDescription($"The newest {MaxEntries} items anonymous readers can see, newest first. Guids are urn:uuid:<id>; dates are in Asia/Ho_Chi_Minh (+07:00); links are absolute (Portal:PublicBaseUrl, Portal:ArticleUrlTemplate). Strong ETag; If-None-Match answers 304.")
            .Produces<string>(StatusCodes.Status200OK, SyndicationWriter.ContentType(format).Split(';')[0])
            .Produces(StatusCodes.Status304NotModified)
            .CachedForReaders();

    /// <summary>A category given by slug (current or former) or id; one that does not exist is 404.</summary>
    private static RouteHandlerBuilder UnknownCategory(this RouteHandlerBuilder route) => route.ProducesProblem(StatusCodes.Status404NotFound);

    public static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> ArticlesRss(
        [FromQuery(Name = "category")] string? category, PortalDbContext db, TimeProvider clock, SiteUrlOptions urls, HttpContext http, CancellationToken ct) =>
        ArticlesAsync(category, FeedFormat.Rss, db, clock, urls, http, ct);

    public static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> ArticlesAtom(
        [FromQuery(Name = "category")] string? category, PortalDbContext db, TimeProvider clock, SiteUrlOptions urls, HttpContext http, CancellationToken ct) =>
        ArticlesAsync(category, FeedFormat.Atom, db, clock, urls, http, ct);

    public static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> CategoryRss(
        string slug, PortalDbContext db, TimeProvider clock, SiteUrlOptions urls, HttpContext http, CancellationToken ct) =>
        ArticlesAsync(slug, FeedFormat.Rss, db, clock, urls, http, ct);

    public static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> CategoryAtom(
        string slug, PortalDbContext db, TimeProvider clock, SiteUrlOptions urls, HttpContext http, CancellationToken ct) =>
        ArticlesAsync(slug, FeedFormat.Atom, db, clock, urls, http, ct);

    public static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> DirectivesRss(
        PortalDbContext db, TimeProvider clock, SiteUrlOptions urls, HttpContext http, CancellationToken ct) =>
        DirectivesAsync(FeedFormat.Rss, db, clock, urls, http, ct);

    public static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> DirectivesAtom(
        PortalDbContext db, TimeProvider clock, SiteUrlOptions urls, HttpContext http, CancellationToken ct) =>
        DirectivesAsync(FeedFormat.Atom, db, clock, urls, http, ct);

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> ArticlesAsync(
        string? categoryKey, FeedFormat format, PortalDbContext db, TimeProvider clock, SiteUrlOptions options, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var articles = db.Articles.AsNoTracking().VisibleAt(now);
        Category? category = null;
        if (!string.IsNullOrWhiteSpace(categoryKey))
        {
            var key = categoryKey.Trim();
            category = Guid.TryParse(key, out var categoryId)
                ? await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, ct)
                : await Categories.CategoryEndpoints.FindBySlugAsync(db, key, ct);
            if (category is null)
            {
                return Problems.NotFound($"No category has the slug or id '{key}'.");
            }

            articles = articles.Where(a => a.CategoryId == category.Id);
        }

        var urls = new SiteUrls(options, http.Request);
        var rows = await articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(MaxEntries)
            .Select(a => new { a.Id, a.Slug, a.Title, a.Summary, a.BodyHtml, a.Author, Category = a.Category == null ? null : a.Category.Name, a.PublishedAt, a.UpdatedAt })
            .ToListAsync(ct);
        var entries = rows.Select(a => new FeedEntry(a.Id, a.Title, a.Summary, a.BodyHtml, a.Author, a.Category, urls.Article(a.Id, a.Slug), a.PublishedAt!.Value, a.UpdatedAt)).ToList();
        var site = await SiteAsync(db, ct);
        var title = category is null ? site.Name : $"{site.Name} - {category.Name}";
        return Respond(format, title, $"Tin bài mới nhất: {title}", site, urls, entries, http);
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> DirectivesAsync(
        FeedFormat format, PortalDbContext db, TimeProvider clock, SiteUrlOptions options, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var urls = new SiteUrls(options, http.Request);
        var rows = await db.Directives.AsNoTracking().VisibleAt(now)
            .OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(MaxEntries)
            .Select(d => new { d.Id, d.Number, d.TypeName, d.Abstract, d.IssuerName, d.IssuedOn, d.ContentHtml, d.Field, d.PublishedAt, d.UpdatedAt })
            .ToListAsync(ct);
        var entries = rows.Select(d => new FeedEntry(
            d.Id,
            $"{d.TypeName} số {d.Number}: {d.Abstract}",
            $"{d.IssuerName}, ban hành ngày {d.IssuedOn:dd/MM/yyyy}",
            d.ContentHtml,
            d.IssuerName,
            d.Field,
            urls.Directive(d.Id, d.Number),
            d.PublishedAt!.Value,
            d.UpdatedAt)).ToList();
        var site = await SiteAsync(db, ct);
        var title = $"{site.Name} - Văn bản chỉ đạo điều hành";
        return Respond(format, title, $"Văn bản mới nhất: {site.Name}", site, urls, entries, http);
    }

    private static Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult> Respond(
        FeedFormat format, string title, string description, Site site, SiteUrls urls, IReadOnlyList<FeedEntry> entries, HttpContext http)
    {
        var bytes = SyndicationWriter.Write(format, title, description, site.Notice, new Uri(urls.Base + "/"), urls.Self, site.UpdatedAt, entries);
        var etag = ConditionalGet.ETagFor(bytes, null);
        ConditionalGet.SetCachingHeaders(http, etag);
        return ConditionalGet.IfNoneMatchMatches(http.Request, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(bytes, SyndicationWriter.ContentType(format));
    }

    private static async Task<Site> SiteAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Settings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId).Select(s => new Site(s.SiteName, s.RepublishNotice, s.UpdatedAt)).FirstOrDefaultAsync(ct)
        ?? new Site("Portal", null, DateTime.UnixEpoch);

    private sealed record Site(string Name, string? Notice, DateTime UpdatedAt);
}
