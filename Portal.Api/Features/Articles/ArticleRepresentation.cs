using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Domain.Articles;
using Portal.Domain.Common;

namespace Portal.Api.Features.Articles;

/// <summary>Loads the full representation of one article for a reader or an editor.</summary>
internal static class ArticleRepresentation
{
    /// <summary>Any non-deleted article, whatever its status, with every linked directive that is not deleted.</summary>
    public static async Task<ArticleResponse?> ForEditorAsync(PortalDbContext db, Guid id, HitCounter hits, DateTime nowUtc, CancellationToken ct)
    {
        var article = await Load(db.Articles.Where(a => a.DeletedAt == null)).FirstOrDefaultAsync(a => a.Id == id, ct);
        return article is null ? null : await RepresentAsync(db, article, editor: true, hits, nowUtc, ct);
    }

    public static IQueryable<Article> Load(IQueryable<Article> articles) =>
        articles.AsNoTracking().Include(a => a.Category).Include(a => a.Tags);

    public static async Task<ArticleResponse> RepresentAsync(PortalDbContext db, Article article, bool editor, HitCounter hits, DateTime nowUtc, CancellationToken ct)
    {
        var directives = await db.ArticleDirectives(article.Id, nowUtc, includeUnpublished: editor).ToListAsync(ct);
        return ArticleMapper.ToResponse(article, directives, hits, nowUtc);
    }
}

/// <summary>An article as an editor's GET answers it now: what If-Match on its writes is compared with.</summary>
internal sealed class CurrentArticle(PortalDbContext db, HitCounter hits, TimeProvider clock) : Infrastructure.ICurrentRepresentation<Article>
{
    public async Task<object?> OfAsync(Article item, CancellationToken ct) =>
        await ArticleRepresentation.ForEditorAsync(db, item.Id, hits, clock.GetUtcNow().UtcDateTime, ct);
}
