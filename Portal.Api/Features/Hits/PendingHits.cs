using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Api.Infrastructure.Caching;
using Portal.Domain.Common;

namespace Portal.Api.Features.Hits;

/// <summary>Visits and page views of one day.</summary>
internal readonly record struct DayCount(long Visits, long PageViews)
{
    public static DayCount operator +(DayCount a, DayCount b) => new(a.Visits + b.Visits, a.PageViews + b.PageViews);
}

/// <summary>
/// Increments accepted since the last flush. <see cref="Days"/> counts every page view, and as visits the page views that
/// may have started one (candidates, <see cref="PendingVisitor"/>): reads count a candidate as a visit until the flush
/// decides it, and the flush writes only the visits the database confirms. Not thread-safe: <see cref="HitCounter"/> guards it.
/// </summary>
internal sealed class PendingHits
{
    /// <summary>Per Vietnamese calendar day: candidate visits and page views.</summary>
    public Dictionary<DateOnly, DayCount> Days { get; } = [];

    public Dictionary<Guid, long> Views { get; } = [];

    public HashSet<Guid> Articles { get; } = [];

    /// <summary>Per visitor id (kept in memory only): the batch's latest page view and its candidate visits.</summary>
    public Dictionary<string, PendingVisitor> Visitors { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Days.Count == 0;

    /// <summary>Adds one page view of <paramref name="visitor"/> at <paramref name="atUtc"/> (Vietnamese day <paramref name="day"/>).</summary>
    public void Add(string visitor, DateTime atUtc, DateOnly day, bool candidate, Guid? articleId, Guid? directiveId)
    {
        Days[day] = Days.GetValueOrDefault(day) + new DayCount(candidate ? 1 : 0, 1);
        if (!Visitors.TryGetValue(visitor, out var pending))
        {
            Visitors[visitor] = pending = new PendingVisitor();
        }

        pending.See(atUtc, candidate);
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
        foreach (var (visitor, seen) in other.Visitors)
        {
            if (!Visitors.TryGetValue(visitor, out var pending))
            {
                Visitors[visitor] = pending = new PendingVisitor();
            }

            pending.Merge(seen);
        }
    }

    /// <summary>The visitors as the flush writes them: hashed, so the ids go no further than this instance's memory.</summary>
    public List<VisitorUpdate> VisitorUpdates() =>
        Visitors.Select(v => new VisitorUpdate(VisitorSessionStore.Hash(v.Key), v.Value.LastSeen, v.Value.Candidates)).ToList();
}

/// <summary>One visitor's page views in a pending batch (UTC instants).</summary>
internal sealed class PendingVisitor
{
    private readonly List<DateTime> _candidates = [];

    /// <summary>The latest page view.</summary>
    public DateTime LastSeen { get; private set; }

    /// <summary>The page views this instance could not tell apart from a new visit; the flush decides them.</summary>
    public IReadOnlyList<DateTime> Candidates => _candidates;

    public void See(DateTime atUtc, bool candidate)
    {
        LastSeen = atUtc > LastSeen ? atUtc : LastSeen;
        if (candidate)
        {
            _candidates.Add(atUtc);
        }
    }

    public void Merge(PendingVisitor other)
    {
        LastSeen = other.LastSeen > LastSeen ? other.LastSeen : LastSeen;
        _candidates.AddRange(other._candidates);
    }
}

/// <summary>Writes a batch as additive increments (never read-modify-write), so concurrent flushers cannot lose counts.</summary>
internal static class HitStore
{
    /// <summary>
    /// Writes <paramref name="batch"/> in one transaction (immediate on SQLite): first the visitors' latest page views,
    /// which decide the batch's visits (<see cref="VisitorSessionStore.RecordAsync"/>), then the day counts with those
    /// visits, the view counts, and a bounded pruning of expired visitor rows. Page views and visits always count for
    /// the site; an item's own view count grows only while it is visible at <paramref name="nowUtc"/> (published, its
    /// instant passed, not deleted) — the condition is part of each UPDATE, so the hot hit path never queries. Just
    /// before committing, hands <paramref name="beforeCommit"/> the new view totals of the items it incremented.
    /// <paramref name="nowUtc"/> also decides which visitor rows have expired.
    /// </summary>
    public static async Task WriteAsync(
        IDbContextFactory<PortalDbContext> contexts,
        PendingHits batch,
        TimeSpan visitTimeout,
        DateTime nowUtc,
        Action<IReadOnlyDictionary<Guid, long>> beforeCommit,
        CancellationToken ct)
    {
        // Counts only: the commit does not raise the content version, so a flush never empties the reader cache
        // (README, "Caching"; cached view counts have their own freshness bound).
        using var countersOnly = ContentVersion.CountersOnly();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var visitors = batch.VisitorUpdates();
        var visits = await VisitorSessionStore.RecordAsync(db, visitors, visitTimeout, ct);
        // Rows in key order, so that concurrent flushers on PostgreSQL wait for each other instead of deadlocking.
        foreach (var (day, count) in batch.Days.OrderBy(d => d.Key))
        {
            var confirmed = visits.GetValueOrDefault(day);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "DailyHits" ("Day", "Visits", "PageViews") VALUES ({day}, {confirmed}, {count.PageViews})
                ON CONFLICT ("Day") DO UPDATE SET "Visits" = "DailyHits"."Visits" + excluded."Visits", "PageViews" = "DailyHits"."PageViews" + excluded."PageViews"
                """, ct);
        }

        var counted = new List<Guid>(batch.Views.Count);
        foreach (var (id, views) in batch.Views.OrderBy(v => v.Key))
        {
            var updated = batch.Articles.Contains(id)
                ? await db.Articles.Where(a => a.Id == id).Visible(nowUtc).ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, a => a.ViewCount + views), ct)
                : await db.Directives.Where(d => d.Id == id).Visible(nowUtc).ExecuteUpdateAsync(s => s.SetProperty(d => d.ViewCount, d => d.ViewCount + views), ct);
            if (updated > 0)
            {
                counted.Add(id);
            }
        }

        await VisitorSessionStore.PruneAsync(
            db,
            // Expired as of the earliest page view still on its way (PruneGrace ago): yesterday's rows go 5 minutes after midnight.
            VisitRule.ExpiredBefore(nowUtc - VisitorSessionStore.PruneGrace, visitTimeout),
            Math.Max(VisitorSessionStore.MinPrunePerFlush, 2 * visitors.Count),
            ct);

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
