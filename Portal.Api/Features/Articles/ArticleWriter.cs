using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Infrastructure;
using Portal.Domain.Articles;
using Portal.Domain.Text;

namespace Portal.Api.Features.Articles;

/// <summary>
/// Applies validated article commands to entities: references checked, body sanitised, tags normalised,
/// derived text refreshed, and a unique slug chosen — also under concurrent creates, where a lost race on the
/// unique index is retried with the next suffix instead of failing.
/// </summary>
internal sealed class ArticleWriter(PortalDbContext db, HtmlContent html)
{
    private const int SlugAttempts = 20;

    /// <summary>Copies <paramref name="command"/> onto <paramref name="article"/>; returns field errors for unknown references.</summary>
    public async Task<QueryErrors?> ApplyAsync(Article article, ArticleCommand command, CancellationToken ct)
    {
        var errors = new QueryErrors();
        if (command.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
        {
            errors.Add("categoryId", $"No category has the id '{categoryId}'.");
        }

        var directiveIds = command.DirectiveIds?.Distinct().ToList() ?? [];
        var known = await db.Directives.Where(d => d.DeletedAt == null && directiveIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        foreach (var missing in directiveIds.Except(known))
        {
            errors.Add("directiveIds", $"No directive has the id '{missing}'.");
        }

        if (command.CoverImage?.MediaId is { } mediaId && !await db.Media.AnyAsync(m => m.Id == mediaId, ct))
        {
            errors.Add("coverImage.mediaId", $"No media item has the id '{mediaId}'.");
        }

        if (errors.Any)
        {
            return errors;
        }

        article.Title = command.Title!;
        article.Summary = string.IsNullOrEmpty(command.Summary) ? null : command.Summary;
        article.BodyHtml = html.Sanitize(command.BodyHtml);
        article.Author = string.IsNullOrEmpty(command.Author) ? null : command.Author;
        article.CategoryId = command.CategoryId;
        article.CoverImage = command.CoverImage is { } image
            ? new ArticleImage { MediaId = image.MediaId, FileName = image.FileName, Caption = image.Caption, AltText = image.AltText }
            : null;
        article.Tags = NormaliseTags(article.Id, command.Tags);
        article.SearchText = ArticleText.SearchText(article.Title, article.Summary, article.BodyHtml);
        article.SearchTitle = VietnameseText.Fold(article.Title);
        return null;
    }

    /// <summary>One tag per slug key, in the order given, display form collapsed to single spaces.</summary>
    private static List<ArticleTag> NormaliseTags(Guid articleId, IReadOnlyList<string>? tags) =>
        (tags ?? [])
            .Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Select(t => new ArticleTag { ArticleId = articleId, Name = t, Key = VietnameseText.Slugify(t) })
            .Where(t => t.Key.Length > 0)
            .DistinctBy(t => t.Key)
            .ToList();

    /// <summary>
    /// Saves a new article. With no slug requested, the title's slug is used, or the first free "-2", "-3"…;
    /// a requested slug that is taken is a conflict (false is returned and nothing is saved).
    /// </summary>
    public async Task<bool> InsertAsync(Article article, string? requestedSlug, CancellationToken ct)
    {
        var baseSlug = requestedSlug ?? SlugBase(article.Title);
        db.Articles.Add(article);
        for (var attempt = 0; attempt < SlugAttempts; attempt++)
        {
            article.Slug = requestedSlug ?? await FreeSlugAsync(baseSlug, article.Id, ct);
            if (requestedSlug is not null && await IsTakenAsync(requestedSlug, article.Id, ct))
            {
                db.Articles.Remove(article);
                return false;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another writer took this slug between our check and our insert: try the next free one.
                if (requestedSlug is not null)
                {
                    db.Articles.Remove(article);
                    return false;
                }
            }
        }

        throw new InvalidOperationException($"No free slug for '{baseSlug}' after {SlugAttempts} attempts.");
    }

    /// <summary>Changes an article's slug, keeping the old one as a redirect. False when the new slug is taken.</summary>
    public async Task<bool> ChangeSlugAsync(Article article, string? requestedSlug, DateTime nowUtc, CancellationToken ct)
    {
        if (requestedSlug is null || requestedSlug == article.Slug)
        {
            return true;
        }

        if (await IsTakenAsync(requestedSlug, article.Id, ct))
        {
            return false;
        }

        var old = article.Slug;
        await db.SlugRedirects.Where(r => r.OldSlug == requestedSlug && r.ArticleId == article.Id).ExecuteDeleteAsync(ct);
        if (!await db.SlugRedirects.AnyAsync(r => r.OldSlug == old, ct))
        {
            db.SlugRedirects.Add(new SlugRedirect { OldSlug = old, ArticleId = article.Id, CreatedAt = nowUtc });
        }

        article.Slug = requestedSlug;
        return true;
    }

    private static string SlugBase(string title)
    {
        var slug = VietnameseText.Slugify(title);
        return slug.Length == 0 ? "bai-viet" : Guid.TryParse(slug, out _) ? "bai-viet-" + slug : slug;
    }

    /// <summary>A slug is taken by another article's current slug or by any article's former slug.</summary>
    private async Task<bool> IsTakenAsync(string slug, Guid articleId, CancellationToken ct) =>
        await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != articleId, ct)
        || await db.SlugRedirects.AnyAsync(r => r.OldSlug == slug && r.ArticleId != articleId, ct);

    private async Task<string> FreeSlugAsync(string baseSlug, Guid articleId, CancellationToken ct)
    {
        var prefix = Like.Escape(baseSlug) + "%";
        var taken = (await db.Articles.AsNoTracking().Where(a => a.Id != articleId && EF.Functions.Like(a.Slug, prefix, Like.EscapeCharacter)).Select(a => a.Slug).ToListAsync(ct))
            .Concat(await db.SlugRedirects.AsNoTracking().Where(r => r.ArticleId != articleId && EF.Functions.Like(r.OldSlug, prefix, Like.EscapeCharacter)).Select(r => r.OldSlug).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(baseSlug))
        {
            return baseSlug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
