using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Common;

namespace Portal.Api.Features.Hits;

/// <summary>Visits and page views of one day.</summary>
internal readonly record struct DayCount(long Visits, long PageViews)
{
    public static DayCount operator +(DayCount a, DayCount b) => new(a.Visits + b.Visits, a.PageViews + b.PageViews);
}

/// <summary>Increments accepted since the last flush. Not thread-safe: <see cref="HitCounter"/> guards it.</summary>
internal sealed class PendingHits
{
    public Dictionary<DateOnly, DayCount> Days { get; } = [];

    public Dictionary<Guid, long> Views { get; } = [];

    public HashSet<Guid> Articles { get; } = [];

    public bool IsEmpty => Days.Count == 0;

    public void Add(DateOnly day, bool newVisit, Guid? articleId, Guid? directiveId)
    {
        Days[day] = Days.GetValueOrDefault(day) + new DayCount(newVisit ? 1 : 0, 1);
        if ((articleId ?? directiveId) is { } id)
        {
            Views[id] = Views.GetValueOrDefault(id) + 1;
            if (articleId is not null)
            {
                Articles.Add(id);
            }
        }
    }

    public void Merge(PendingHits other)
    {
        foreach (var (day, count) in other.Days)
        {
            Days[day] = Days.GetValueOrDefault(day) + count;
        }

        foreach (var (id, views) in other.Views)
        {
            Views[id] = Views.GetValueOrDefault(id) + views;
        }

        Articles.UnionWith(other.Articles);
    }
}

/// <summary>Writes a batch as additive increments (never read-modify-write), so concurrent flushers cannot lose counts.</summary>
internal static class HitStore
{
    /// <summary>
    /// Writes <paramref name="batch"/> in one immediate transaction. Page views and visits always count for the site;
    /// an item's own view count grows only while it is visible at <paramref name="nowUtc"/> (published, its instant
    /// passed, not deleted) — the condition is part of each UPDATE, so the hot hit path never queries. Just before
    /// committing, hands <paramref name="beforeCommit"/> the new view totals of the items it incremented.
    /// </summary>
    public static async Task WriteAsync(
        IDbContextFactory<PortalDbContext> contexts, PendingHits batch, DateTime nowUtc, Action<IReadOnlyDictionary<Guid, long>> beforeCommit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (day, count) in batch.Days)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "DailyHits" ("Day", "Visits", "PageViews") VALUES ({day}, {count.Visits}, {count.PageViews})
                ON CONFLICT ("Day") DO UPDATE SET "Visits" = "DailyHits"."Visits" + excluded."Visits", "PageViews" = "DailyHits"."PageViews" + excluded."PageViews"
                """, ct);
        }

        var counted = new List<Guid>(batch.Views.Count);
        foreach (var (id, views) in batch.Views)
        {
            var updated = batch.Articles.Contains(id)
                ? await db.Articles.Where(a => a.Id == id).Visible(nowUtc).ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, a => a.ViewCount + views), ct)
                : await db.Directives.Where(d => d.Id == id).Visible(nowUtc).ExecuteUpdateAsync(s => s.SetProperty(d => d.ViewCount, d => d.ViewCount + views), ct);
            if (updated > 0)
            {
                counted.Add(id);
            }
        }

        var totals = await db.Articles.AsNoTracking().Where(a => counted.Contains(a.Id)).Select(a => new { a.Id, a.ViewCount })
            .Concat(db.Directives.AsNoTracking().Where(d => counted.Contains(d.Id)).Select(d => new { d.Id, d.ViewCount }))
            .ToDictionaryAsync(t => t.Id, t => t.ViewCount, ct);
        beforeCommit(totals);
        // Never cancel the commit itself: a commit that happened but reported cancellation would be retried and counted twice.
        await tx.CommitAsync(CancellationToken.None);
    }

    private static IQueryable<T> Visible<T>(this IQueryable<T> items, DateTime nowUtc)
        where T : IPublishable =>
        items.Where(i => i.DeletedAt == null && i.Status == ContentStatus.Published && i.PublishedAt <= nowUtc);
}
