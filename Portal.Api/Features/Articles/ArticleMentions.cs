using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Infrastructure;
using Portal.Domain.Articles;
using Portal.Domain.Directives;

namespace Portal.Api.Features.Articles;

/// <summary>
/// Keeps an article's links to directives: the ones its editor chose and the ones its text mentions
/// ("Chỉ thị số 28-CT/TW"). Mentions of documents Portal does not hold yet are kept unresolved and are linked
/// when such a directive is saved (<see cref="ResolveAsync"/>).
/// </summary>
internal static class ArticleMentions
{
    /// <summary>Replaces the article's links with the mentions found in its text plus <paramref name="relatedIds"/>. Saves.</summary>
    public static async Task RefreshAsync(PortalDbContext db, Article article, IReadOnlyCollection<Guid> relatedIds, CancellationToken ct)
    {
        var text = string.Join(' ', article.Title, article.Summary ?? "", HtmlContent.ToPlainText(article.BodyHtml));
        var links = new Dictionary<string, ArticleDirectiveLink>(StringComparer.Ordinal);
        foreach (var reference in DocumentReferenceFinder.Find(text))
        {
            links.TryAdd(reference.Number.SearchKey, new ArticleDirectiveLink
            {
                ArticleId = article.Id,
                NumberKey = reference.Number.SearchKey,
                Text = Truncate(reference.Text, 200),
                IsMentioned = true,
            });
        }

        var related = await db.Directives.Where(d => relatedIds.Contains(d.Id)).Select(d => new { d.Id, d.NumberKey, d.Number }).ToListAsync(ct);
        foreach (var d in related)
        {
            if (links.TryGetValue(d.NumberKey, out var existing))
            {
                existing.IsRelated = true;
                existing.DirectiveId = d.Id;
            }
            else
            {
                links[d.NumberKey] = new ArticleDirectiveLink { ArticleId = article.Id, NumberKey = d.NumberKey, Text = d.Number, DirectiveId = d.Id, IsRelated = true };
            }
        }

        var keys = links.Keys.ToList();
        var known = await db.Directives.Where(d => d.DeletedAt == null && keys.Contains(d.NumberKey))
            .OrderByDescending(d => d.IssuedOn).Select(d => new { d.NumberKey, d.Id }).ToListAsync(ct);
        foreach (var link in links.Values.Where(l => l.DirectiveId is null))
        {
            link.DirectiveId = known.FirstOrDefault(k => k.NumberKey == link.NumberKey)?.Id;
        }

        await db.ArticleDirectiveLinks.Where(l => l.ArticleId == article.Id).ExecuteDeleteAsync(ct);
        db.ArticleDirectiveLinks.AddRange(links.Values);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The directives the editor chose as related (not those only mentioned in the text) that still exist: the
    /// <c>directiveIds</c> of the article as a command, which a merge patch leaves as they are unless it names them.
    /// </summary>
    public static Task<List<Guid>> RelatedIdsAsync(PortalDbContext db, Guid articleId, CancellationToken ct) =>
        db.ArticleDirectiveLinks
            .Where(l => l.ArticleId == articleId && l.IsRelated && l.DirectiveId != null)
            .Join(db.Directives.Where(d => d.DeletedAt == null), l => l.DirectiveId, d => (Guid?)d.Id, (l, d) => d.Id)
            .OrderBy(id => id)
            .ToListAsync(ct);

    /// <summary>Links unresolved mentions of <paramref name="numberKey"/> to a directive that now carries that number.</summary>
    public static Task<int> ResolveAsync(PortalDbContext db, Guid directiveId, string numberKey, CancellationToken ct) =>
        db.ArticleDirectiveLinks.Where(l => l.NumberKey == numberKey && l.DirectiveId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.DirectiveId, directiveId), ct);

    /// <summary>
    /// Mentions of <paramref name="numberKey"/> linked to <paramref name="directiveId"/> move to the most recently issued
    /// other directive with that number, or back to unresolved: for when the directive's number changed or it was
    /// deleted. Links an editor chose stay as they are.
    /// </summary>
    public static async Task<int> ReleaseAsync(PortalDbContext db, Guid directiveId, string numberKey, CancellationToken ct)
    {
        var other = await db.Directives
            .Where(d => d.DeletedAt == null && d.Id != directiveId && d.NumberKey == numberKey)
            .OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Id)
            .Select(d => (Guid?)d.Id)
            .FirstOrDefaultAsync(ct);
        return await db.ArticleDirectiveLinks.Where(l => l.DirectiveId == directiveId && l.NumberKey == numberKey && !l.IsRelated)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.DirectiveId, other), ct);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
