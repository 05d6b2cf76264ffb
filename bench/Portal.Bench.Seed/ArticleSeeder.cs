using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Features.Articles;
using Portal.Api.Infrastructure;
using Portal.Domain.Articles;
using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Bench.Seed;

/// <summary>
/// Articles written the way Portal writes them: sanitised body, folded search text and title, slug from the title
/// with -2, -3… on collisions, tags keyed by their slug, and directive links refreshed from the mentions in the text.
/// Article <c>i</c> is generated from its own seeded <see cref="Random"/>, so generation runs in parallel and the
/// dataset is the same on every run. Article 0 is the newest; publish instants go back evenly over six years.
/// </summary>
internal static class ArticleSeeder
{
    private const int BatchSize = 500;

    /// <summary>The newest published article that cites a directive (the "article by slug" target) and its id.</summary>
    public sealed record Target(Guid Id, string Slug);

    public static async Task<Target> SeedAsync(
        IServiceProvider services, int count, int seed, DateTime newestUtc, IReadOnlyList<SeededDirective> directives, CancellationToken ct)
    {
        var html = services.GetRequiredService<HtmlContent>();
        var (categories, slugs) = await PrepareAsync(services, ct);
        var span = TimeSpan.FromDays(6 * 365);
        Target? target = null;
        for (var start = 0; start < count; start += BatchSize)
        {
            var batch = new (Article Article, bool Cites)[Math.Min(BatchSize, count - start)];
            Parallel.For(0, batch.Length, i =>
            {
                var n = start + i;
                batch[i] = Build(new TextGenerator(new Random(unchecked((seed * 1_000_003) + n))), html, categories, directives, newestUtc - (span * ((double)n / count)));
            });

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var (article, cites) in batch)
            {
                article.Slug = FreeSlug(slugs, article.Title);
                db.Articles.Add(article);
                // Saves the article with its links, as ArticleWriteEndpoints does after ArticleWriter.ApplyAsync.
                await ArticleMentions.RefreshAsync(db, article, [], ct);
                // The change-log interceptor scans every tracked entry on each save: keep the tracker small.
                db.ChangeTracker.Clear();
                if (target is null && cites && article.Status == ContentStatus.Published)
                {
                    target = new Target(article.Id, article.Slug);
                }
            }

            await tx.CommitAsync(ct);
            if ((start / BatchSize) % 10 == 9 || start + batch.Length == count)
            {
                Console.Error.WriteLine($"articles: {start + batch.Length}/{count}");
            }
        }

        return target ?? throw new InvalidOperationException("No seeded article cites a directive.");
    }

    private static async Task<(List<Category> Categories, HashSet<string> Slugs)> PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var existing = await db.Categories.ToListAsync(ct);
        foreach (var name in Vocabulary.Categories)
        {
            var slug = VietnameseText.Slugify(name);
            if (existing.All(c => c.Slug != slug))
            {
                var category = new Category { Id = Guid.CreateVersion7(), Name = name, Slug = slug };
                db.Categories.Add(category);
                existing.Add(category);
            }
        }

        await db.SaveChangesAsync(ct);
        var slugs = (await db.Articles.Select(a => a.Slug).ToListAsync(ct))
            .Concat(await db.SlugRedirects.Select(r => r.OldSlug).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        return (existing, slugs);
    }

    private static (Article, bool Cites) Build(
        TextGenerator text, HtmlContent html, List<Category> categories, IReadOnlyList<SeededDirective> directives, DateTime publishedAt)
    {
        var title = VietnameseText.Nfc(text.Title());
        var summary = VietnameseText.Nfc(text.Summary());
        var cited = CitedDirectives(text, directives, DateOnly.FromDateTime(publishedAt));
        var body = html.Sanitize(VietnameseText.Nfc(text.BodyHtml(cited.Select(d => d.Citation).ToList())));
        var roll = text.Next(0, 100);
        var status = roll < 2 ? ContentStatus.Draft : roll < 3 ? ContentStatus.Archived : ContentStatus.Published;
        var id = Guid.CreateVersion7(publishedAt);
        var article = new Article
        {
            Id = id,
            Title = title,
            Summary = summary,
            BodyHtml = body,
            Author = text.Pick(Vocabulary.Authors),
            CoverImage = text.Chance(0.8)
                ? new ArticleImage { FileName = $"{publishedAt:dd.M.yy} {title}.jpg", Caption = title, AltText = $"Ảnh minh họa bài viết {title}" }
                : null,
            CategoryId = text.Pick(categories).Id,
            Tags = Enumerable.Range(0, text.Next(1, 5)).Select(_ => text.Pick(Vocabulary.Tags)).Distinct()
                .Select(t => new ArticleTag { ArticleId = id, Name = t, Key = VietnameseText.Slugify(t) }).ToList(),
            Status = status,
            PublishedAt = status == ContentStatus.Draft ? null : publishedAt,
            CreatedAt = publishedAt.AddHours(-text.Next(1, 48)),
            UpdatedAt = publishedAt.AddMinutes(text.Next(0, 600)),
            ViewCount = text.Next(0, 5000),
            SearchTitle = VietnameseText.Fold(title),
            SearchText = ArticleText.SearchText(title, summary, body),
        };
        return (article, cited.Count > 0);
    }

    /// <summary>About a third of the articles cite one or two documents issued before them.</summary>
    private static List<SeededDirective> CitedDirectives(TextGenerator text, IReadOnlyList<SeededDirective> directives, DateOnly day)
    {
        var issuedBefore = directives.Count(d => d.IssuedOn < day);
        if (issuedBefore == 0 || !text.Chance(0.35))
        {
            return [];
        }

        // Recent documents are the ones news reports on.
        var recent = Math.Max(0, issuedBefore - 60);
        return Enumerable.Range(0, text.Next(1, 3)).Select(_ => directives[text.Next(recent, issuedBefore)]).Distinct().ToList();
    }

    /// <summary>The title's slug, or the first free "-2", "-3"… (ArticleWriter's rule, kept in memory for speed).</summary>
    private static string FreeSlug(HashSet<string> taken, string title)
    {
        var slug = VietnameseText.Slugify(title);
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
