using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Hits;
using Portal.Domain.Articles;
using Portal.Domain.Common;

namespace Portal.Api.Features.Articles;

/// <summary>
/// Loads the full representation of one article for a reader or an editor: a compiled projection of the article with
/// its category and tags (never the search columns), then its linked directives (an index lookup). Mapperly's queryable
/// projections take no parameters, and this one needs the instant and the role, so it is written out here;
/// <see cref="ArticleMapper"/> holds the same rules for lists.
/// </summary>
internal static class ArticleRepresentation
{
    private static readonly Func<PortalDbContext, Guid, bool, DateTime, CancellationToken, Task<ArticleResponse?>> ById =
        Compile<Guid>((a, id) => a.Id == id);

    private static readonly Func<PortalDbContext, string, bool, DateTime, CancellationToken, Task<ArticleResponse?>> BySlug =
        Compile<string>((a, slug) => a.Slug == slug);

    // A statement of its own: as a collection in the article's statement, SQLite materialised every article's links
    // before joining (5 ms at 1,000 articles, growing with the corpus); alone it is two index lookups (0.02 ms).
    private static readonly Func<PortalDbContext, Guid, bool, DateTime, IAsyncEnumerable<DirectiveRef>> LinkedDirectives =
        EF.CompileAsyncQuery((PortalDbContext db, Guid id, bool editor, DateTime now) =>
            from l in db.ArticleDirectiveLinks
            where l.ArticleId == id
            join d in db.Directives on l.DirectiveId equals d.Id
            where d.DeletedAt == null && (editor || (d.Status == ContentStatus.Published && d.PublishedAt <= now))
            orderby d.IssuedOn descending, d.Id
            select new DirectiveRef(d.Id, d.Number, d.TypeName, d.Abstract));

    private static readonly IReadOnlyList<DirectiveRef> NoDirectives = [];

    /// <summary>The projection for articles matching <paramref name="key"/>: one statement, compiled once.</summary>
    private static Func<PortalDbContext, TKey, bool, DateTime, CancellationToken, Task<ArticleResponse?>> Compile<TKey>(Expression<Func<Article, TKey, bool>> key)
    {
        Expression<Func<PortalDbContext, TKey, bool, DateTime, CancellationToken, ArticleResponse?>> query = (db, k, editor, now, ct) =>
            db.Articles.AsNoTracking()
                .Where(a => Matches(a, k) && a.DeletedAt == null && (editor || (a.Status == ContentStatus.Published && a.PublishedAt <= now)))
                .Select(a => new ArticleResponse(
                    a.Id, a.Slug, a.Title, a.Summary, a.BodyHtml, a.Author,
                    a.CoverImage == null ? null : new ImageResponse(
                        a.CoverImage.MediaId, a.CoverImage.FileName, ArticleMapper.MediaUrl(a.CoverImage.MediaId), a.CoverImage.Caption, a.CoverImage.AltText),
                    a.Category == null ? null : new CategoryRef(a.Category.Id, a.Category.Name, a.Category.Slug),
                    a.Tags.Select(t => t.Name).ToList(),
                    a.Status == ContentStatus.Published ? (a.PublishedAt > now ? PublicationState.Scheduled : PublicationState.Published)
                        : a.Status == ContentStatus.Archived ? PublicationState.Archived : PublicationState.Draft,
                    a.PublishedAt, a.CreatedAt, a.UpdatedAt, a.ViewCount,
                    a.Source == null ? null : new SourceResponse(a.Source.Name, a.Source.Url, a.Source.FeedGuid),
                    NoDirectives,
                    a.Version))
                .FirstOrDefault();
        return EF.CompileAsyncQuery((Expression<Func<PortalDbContext, TKey, bool, DateTime, CancellationToken, ArticleResponse?>>)new InlineKey(key).Visit(query));
    }

    /// <summary>A placeholder in <see cref="Compile{TKey}"/>'s query for the key condition, replaced before compiling.</summary>
    private static bool Matches<TKey>(Article article, TKey key) => throw new InvalidOperationException("Replaced by the key condition before compiling.");

    /// <summary>Replaces the <see cref="Matches{TKey}"/> placeholder with the key condition's body.</summary>
    private sealed class InlineKey(LambdaExpression key) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(Matches) || node.Method.DeclaringType != typeof(ArticleRepresentation))
            {
                return base.VisitMethodCall(node);
            }

            var body = new ReplaceParameter(key.Parameters[0], (ParameterExpression)node.Arguments[0]).Visit(key.Body);
            return new ReplaceParameter(key.Parameters[1], (ParameterExpression)node.Arguments[1]).Visit(body);
        }
    }

    /// <summary>Any non-deleted article, whatever its status, with every linked directive that is not deleted.</summary>
    public static Task<ArticleResponse?> ForEditorAsync(PortalDbContext db, Guid id, HitCounter hits, DateTime nowUtc, CancellationToken ct) =>
        ByIdAsync(db, id, editor: true, hits, nowUtc, ct);

    /// <summary>
    /// The article <paramref name="id"/> as <paramref name="editor"/> or an anonymous reader may see it at
    /// <paramref name="nowUtc"/>, or null; its view count includes the counter's pending views.
    /// </summary>
    public static async Task<ArticleResponse?> ByIdAsync(PortalDbContext db, Guid id, bool editor, HitCounter hits, DateTime nowUtc, CancellationToken ct) =>
        await CompleteAsync(db, await ById(db, id, editor, nowUtc, ct), editor, hits, nowUtc, ct);

    /// <summary>As <see cref="ByIdAsync"/>, by current slug.</summary>
    public static async Task<ArticleResponse?> BySlugAsync(PortalDbContext db, string slug, bool editor, HitCounter hits, DateTime nowUtc, CancellationToken ct) =>
        await CompleteAsync(db, await BySlug(db, slug, editor, nowUtc, ct), editor, hits, nowUtc, ct);

    /// <summary>Adds the linked directives the caller may read and the counter's pending views.</summary>
    private static async Task<ArticleResponse?> CompleteAsync(PortalDbContext db, ArticleResponse? article, bool editor, HitCounter hits, DateTime nowUtc, CancellationToken ct)
    {
        if (article is null)
        {
            return null;
        }

        var directives = new List<DirectiveRef>();
        await foreach (var directive in LinkedDirectives(db, article.Id, editor, nowUtc).WithCancellation(ct))
        {
            directives.Add(directive);
        }

        return article with { Directives = directives, ViewCount = article.ViewCount + hits.PendingViews(article.Id, article.ViewCount, article.Status) };
    }
}

/// <summary>An article as an editor's GET answers it now: what If-Match on its writes is compared with.</summary>
internal sealed class CurrentArticle(PortalDbContext db, HitCounter hits, TimeProvider clock) : Infrastructure.ICurrentRepresentation<Article>
{
    public async Task<object?> OfAsync(Article item, CancellationToken ct) =>
        await ArticleRepresentation.ForEditorAsync(db, item.Id, hits, clock.GetUtcNow().UtcDateTime, ct);
}
