using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Articles;
using Portal.Api.Infrastructure;
using Portal.Domain.Articles;
using Portal.Domain.Common;
using Portal.Domain.Feeds;

namespace Portal.Api.Features.Feeds;

/// <summary>What happened to one feed item.</summary>
internal enum ItemOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>Left out for a reason that will not change by itself (bad date, deleted here, invalid text).</summary>
    Skipped,

    /// <summary>Could not be saved (a concurrent edit, a locked database): the next run retries it.</summary>
    Failed,
}

/// <summary>
/// Upserts one feed item as an article, keyed by (source, guid; else link; else a hash of title and date). The item's
/// text goes through the editor's rules: <see cref="ArticleCommandValidator"/>, <see cref="HtmlContent"/> sanitising
/// (relative links and images resolved against the item's link), slugs and directive mentions by
/// <see cref="ArticleWriter"/> and <see cref="ArticleMentions"/>. An item whose content hash has not changed is not
/// touched (no new Version, no new UpdatedAt); an article deleted here is never brought back. Items with a date that
/// cannot be parsed are skipped rather than dated "now", which would put old news at the top of the portal.
/// </summary>
internal sealed class FeedItemWriter(PortalDbContext db, ArticleWriter writer, HtmlContent html, IValidator<ArticleCommand> validator)
{
    /// <summary>Applies <paramref name="item"/>; <paramref name="seenKeys"/> catches items repeated within one feed.</summary>
    public async Task<(ItemOutcome Outcome, string? Error)> ApplyAsync(
        FeedSource source, ParsedItem item, Uri documentUrl, DateTime nowUtc, HashSet<string> seenKeys, CancellationToken ct)
    {
        if (item is { Title: null, Link: null, Guid: null, Published: null, BadDate: null })
        {
            // Nothing names or dates it: imported, it would be a new article dated "now" on every run that changes its text.
            return (ItemOutcome.Skipped, "The item has no title, link, guid or date, so it was skipped.");
        }

        if (item.BadDate is not null)
        {
            return (ItemOutcome.Skipped, $"The date '{item.BadDate}' could not be parsed, so the item was skipped.");
        }

        var body = html.Sanitize(item.ContentHtml ?? item.SummaryHtml, item.Link ?? documentUrl);
        var summary = Shorten(FeedXml.Collapse(HtmlContent.ToPlainText(item.SummaryHtml)), ArticleCommandValidator.SummaryMax);
        var title = Shorten(item.Title ?? FeedXml.Collapse(HtmlContent.ToPlainText(body)), ArticleCommandValidator.TitleMax);
        if (title is null)
        {
            return (ItemOutcome.Skipped, "The item has neither a title nor any text.");
        }

        var key = KeyOf(item, title);
        if (!seenKeys.Add(key))
        {
            return (ItemOutcome.Skipped, "An earlier item in the feed has the same guid or link.");
        }

        var command = new ArticleCommand(title, null, summary, body, Shorten(item.Author, 100), source.CategoryId, null, null, null).Normalized();
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return (ItemOutcome.Skipped, string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal)));
        }

        var hash = Sha256(command.Title, command.Summary, command.BodyHtml, command.Author, item.Link?.AbsoluteUri, item.Guid, item.Published?.UtcDateTime.ToString("O"));
        var existing = await db.FeedItems.FirstOrDefaultAsync(f => f.SourceId == source.Id && f.Key == key, ct);
        try
        {
            return existing is null
                ? await CreateAsync(source, item, key, hash, command, nowUtc, ct)
                : await UpdateAsync(source, item, existing, hash, command, nowUtc, ct);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            return (ItemOutcome.Failed, $"The item could not be saved ({ex.GetBaseException().Message}); the next run retries it.");
        }
    }

    private async Task<(ItemOutcome, string?)> CreateAsync(
        FeedSource source, ParsedItem item, string key, string hash, ArticleCommand command, DateTime nowUtc, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var article = new Article
        {
            Id = Guid.CreateVersion7(),
            Status = source.PublishOnImport ? ContentStatus.Published : ContentStatus.Draft,
            PublishedAt = source.PublishOnImport ? PublishInstant(item, nowUtc) : null,
            CreatedAt = nowUtc,
            UpdatedAt = nowUtc,
            Source = new ArticleSource(),
        };
        SetProvenance(article.Source, source, item);
        if (await writer.ApplyAsync(article, command, ct) is not null)
        {
            return (ItemOutcome.Skipped, "The source's category no longer exists.");
        }

        await writer.InsertAsync(article, null, ct);
        db.FeedItems.Add(new FeedItem { SourceId = source.Id, Key = key, ArticleId = article.Id, ContentHash = hash, FirstSeenAt = nowUtc });
        await db.SaveChangesAsync(ct);
        await ArticleMentions.RefreshAsync(db, article, [], ct);
        await tx.CommitAsync(ct);
        return (ItemOutcome.Created, null);
    }

    private async Task<(ItemOutcome, string?)> UpdateAsync(
        FeedSource source, ParsedItem item, FeedItem existing, string hash, ArticleCommand command, DateTime nowUtc, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == existing.ArticleId, ct);
        if (article is null || article.DeletedAt is not null)
        {
            return (ItemOutcome.Skipped, null); // deleted in Portal: never resurrected
        }

        if (existing.ContentHash == hash)
        {
            return (ItemOutcome.Unchanged, null);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // What editors added here (category, tags, cover, related directives) is kept; the feed owns the text.
        var related = await db.ArticleDirectiveLinks.Where(l => l.ArticleId == article.Id && l.IsRelated && l.DirectiveId != null)
            .Select(l => l.DirectiveId!.Value).ToListAsync(ct);
        var cover = article.CoverImage is { } c ? new ImageCommand(c.MediaId, c.FileName, c.Caption, c.AltText) : null;
        command = command with { CategoryId = article.CategoryId, Tags = article.Tags.Select(t => t.Name).ToList(), CoverImage = cover };
        if (await writer.ApplyAsync(article, command, ct) is not null)
        {
            return (ItemOutcome.Skipped, "The article's category or cover image no longer exists.");
        }

        SetProvenance(article.Source ??= new ArticleSource(), source, item);
        if (article.Status == ContentStatus.Published && item.Published is not null)
        {
            article.PublishedAt = PublishInstant(item, nowUtc);
        }

        Lifecycle.Touch(article, nowUtc);
        existing.ContentHash = hash;
        await db.SaveChangesAsync(ct);
        await ArticleMentions.RefreshAsync(db, article, related, ct);
        await tx.CommitAsync(ct);
        return (ItemOutcome.Updated, null);
    }

    private static void SetProvenance(ArticleSource provenance, FeedSource source, ParsedItem item)
    {
        provenance.Name = Shorten(source.Name, 200) ?? "";
        provenance.Url = item.Link?.AbsoluteUri;
        provenance.FeedGuid = Shorten(item.Guid, 500);
    }

    /// <summary>The item's date, but never in the future: a portal that labels local time as GMT would otherwise schedule its news hours ahead.</summary>
    private static DateTime PublishInstant(ParsedItem item, DateTime nowUtc) =>
        item.Published is { } p && p.UtcDateTime < nowUtc ? p.UtcDateTime : nowUtc;

    private static string KeyOf(ParsedItem item, string title)
    {
        var key = item.Guid is { } guid ? "guid:" + guid
            : item.Link is { } link ? "link:" + link.AbsoluteUri
            : "hash:" + Sha256(title, item.Published?.UtcDateTime.ToString("O"));
        return key.Length > 400 ? "sha:" + Sha256(key) : key;
    }

    private static string Sha256(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? "\u0000")))));

    /// <summary>Null for blank text; text longer than <paramref name="max"/> is cut at a word boundary with an ellipsis.</summary>
    internal static string? Shorten(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }
}
