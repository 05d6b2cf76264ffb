using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Common;

namespace Portal.Api.Features.Hits;

/// <summary>Counter options, bound from the <c>Hits</c> configuration section.</summary>
public sealed class HitOptions
{
    public const string Section = "Hits";

    /// <summary>How often accepted hits are written to the database, in milliseconds (default 1,000). A crash loses at most this much.</summary>
    public int FlushIntervalMs { get; set; } = 1000;

    /// <summary>Inactivity after which the same visitor counts as a new visit (default 30 minutes, as NukeViet counts).</summary>
    public int VisitTimeoutMinutes { get; set; } = 30;

    /// <summary>
    /// How many visitor ids one instance keeps in memory (default 100,000): a cache that spares the database the
    /// decision for visitors seen recently. A forgotten visitor costs a database lookup, never a wrong count.
    /// </summary>
    public int VisitorCacheSize { get; set; } = 100_000;

    /// <summary>The per-address and per-visitor limits on POST /hits (<c>Hits:RateLimit</c>).</summary>
    public HitRateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>
/// The visit counter's write path. Hits are accepted in memory and persisted in batches as additive increments,
/// so bursts of page views never hold the database's write lock for long and editors are never locked out.
/// Reads add what is still pending to what is persisted, so page views are exact at any moment, also while a batch is
/// being written. A graceful shutdown flushes everything (<see cref="HitFlusher"/>); a crash loses at most one flush
/// interval (README, "The visit counter").
/// <para>
/// Visits. A page view starts a new visit when the visitor's previous page view — through any instance — is
/// <see cref="HitOptions.VisitTimeoutMinutes"/> or more earlier (UTC instants), or on another calendar day in
/// Asia/Ho_Chi_Minh. The database is the authority: table <c>VisitorSessions</c> holds each visitor's latest page view
/// under a SHA-256 of the visitor id (the id itself and IP addresses are never stored). This instance's memory is only a
/// bounded cache of the visitors it served (<see cref="RecentVisitors"/>): when it saw the visitor in the same visit
/// window, the page view is certainly not a new visit. Otherwise it is a candidate, decided at the next flush inside
/// the flush transaction against the visitor's row, which that transaction locks (<see cref="VisitorSessionStore"/>),
/// so two instances flushing the same visitor count one visit. Until then reads count a candidate as a visit; the
/// flush writes only confirmed visits, so a candidate that turns out to continue a visit another instance (or this one
/// before a restart) counted drops out of <c>today</c> and <c>total</c> at the flush. Persisted totals are exact.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim holds nothing to release unless AvailableWaitHandle is used; disposing it would race the final flush at shutdown.")]
public sealed class HitCounter(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, HitOptions options)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly RecentVisitors _recent = new(options.VisitorCacheSize);
    private readonly Dictionary<Guid, long> _flushedTotals = [];
    private PendingHits _pending = new();
    private PendingHits? _inFlight;
    private DateTime _lastPruned;

    private TimeSpan VisitTimeout => TimeSpan.FromMinutes(options.VisitTimeoutMinutes);

    /// <summary>How many visitor ids this instance holds in memory (at most <see cref="HitOptions.VisitorCacheSize"/>).</summary>
    internal int CachedVisitors
    {
        get
        {
            lock (_gate)
            {
                return _recent.Count;
            }
        }
    }

    /// <summary>
    /// Counts one page view at the current instant. Returns false when it is certainly not a new visit (this instance
    /// saw the visitor in the same visit window), true when it may be one: the next flush decides.
    /// </summary>
    public bool Record(string visitorId, Guid? articleId, Guid? directiveId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = VisitRule.DayOf(now);
        lock (_gate)
        {
            var candidate = !(_recent.TryGet(visitorId, out var last) && VisitRule.SameVisit(last, now, VisitTimeout));
            _recent.Set(visitorId, now);
            _pending.Add(visitorId, now, day, candidate, articleId, directiveId);
            return candidate;
        }
    }

    /// <summary>
    /// The page views of one article or directive that <paramref name="persisted"/> — its ViewCount as just read from
    /// the database — does not include: pending ones, ones being written, and ones a batch wrote after that read.
    /// Add it to <paramref name="persisted"/>; the sum is exact even when the read raced a flush. Views of an item that
    /// whose <paramref name="state"/> is not published (draft, scheduled, archived) are not shown: the flush will not count them.
    /// </summary>
    public long PendingViews(Guid contentId, long persisted, PublicationState state)
    {
        lock (_gate)
        {
            // A flush records the item's new total before it commits: a read older than that total lacks the difference.
            var missed = Math.Max(0, _flushedTotals.GetValueOrDefault(contentId) - persisted);
            return state != PublicationState.Published ? missed
                : missed + _pending.Views.GetValueOrDefault(contentId) + (_inFlight?.Views.GetValueOrDefault(contentId) ?? 0);
        }
    }

    /// <summary>
    /// Today's and all-time visits and page views; "today" is the calendar day in Asia/Ho_Chi_Minh. Pending candidate
    /// visits count as visits until the flush decides them.
    /// </summary>
    public async Task<HitTotals> TotalsAsync(CancellationToken ct)
    {
        var today = VietnamTime.DateOf(clock.GetUtcNow());
        // Reading while a batch is being written could count it twice or not at all: wait for the batch.
        await _flushing.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var all = await db.DailyHits.AsNoTracking()
                .GroupBy(_ => 1)
                .Select(g => new { Visits = g.Sum(d => d.Visits), PageViews = g.Sum(d => d.PageViews) })
                .SingleOrDefaultAsync(ct);
            var day = await db.DailyHits.AsNoTracking().FirstOrDefaultAsync(d => d.Day == today, ct);
            lock (_gate)
            {
                var pendingToday = _pending.Days.GetValueOrDefault(today);
                var pendingAll = _pending.Days.Values.Aggregate(default(DayCount), (a, b) => a + b);
                return new HitTotals(
                    today,
                    (day?.Visits ?? 0) + pendingToday.Visits,
                    (all?.Visits ?? 0) + pendingAll.Visits,
                    (day?.PageViews ?? 0) + pendingToday.PageViews,
                    (all?.PageViews ?? 0) + pendingAll.PageViews);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Per-day counts between two Vietnamese calendar dates (inclusive), persisted plus pending (candidates as visits).</summary>
    public async Task<IReadOnlyList<DayTotals>> DailyAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var stored = await db.DailyHits.AsNoTracking().Where(d => d.Day >= from && d.Day <= to).ToDictionaryAsync(d => d.Day, ct);
            lock (_gate)
            {
                var days = new List<DayTotals>();
                for (var day = from; day <= to; day = day.AddDays(1))
                {
                    var pending = _pending.Days.GetValueOrDefault(day);
                    var persisted = stored.GetValueOrDefault(day);
                    days.Add(new DayTotals(day, (persisted?.Visits ?? 0) + pending.Visits, (persisted?.PageViews ?? 0) + pending.PageViews));
                }

                return days;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>
    /// Writes the pending increments in one transaction, deciding the candidate visits against <c>VisitorSessions</c>.
    /// On failure they are put back (undecided), so no count is lost.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            PendingHits batch;
            lock (_gate)
            {
                PruneIdleVisitors();
                if (_pending.IsEmpty)
                {
                    return;
                }

                batch = _inFlight = _pending;
                _pending = new PendingHits();
            }

            Dictionary<Guid, long>? previous = null;
            try
            {
                await HitStore.WriteAsync(contexts, batch, VisitTimeout, clock.GetUtcNow().UtcDateTime, totals =>
                {
                    lock (_gate)
                    {
                        previous = totals.Keys.ToDictionary(id => id, id => _flushedTotals.GetValueOrDefault(id));
                        foreach (var (id, total) in totals)
                        {
                            _flushedTotals[id] = total;
                        }

                        _inFlight = null;
                    }
                }, ct);
            }
            catch
            {
                lock (_gate)
                {
                    foreach (var (id, total) in previous ?? [])
                    {
                        _flushedTotals[id] = total;
                    }

                    _inFlight = null;
                    _pending.Merge(batch);
                }

                throw;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Forgets visitors whose visit can no longer continue (timed out, or seen on a previous day), at most once a minute. Call under the gate.</summary>
    private void PruneIdleVisitors()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _lastPruned < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastPruned = now;
        _recent.RemoveSeenBefore(VisitRule.ExpiredBefore(now, VisitTimeout));
    }
}

/// <summary>Counter totals: <c>today</c> and <c>total</c> are visits ("Số lượt truy cập — Trong ngày / Tất cả").</summary>
/// <param name="Date">The Vietnamese calendar day that "today" means (Asia/Ho_Chi_Minh).</param>
/// <param name="Today">Visits today.</param>
/// <param name="Total">Visits of all time.</param>
/// <param name="PageViewsToday">Page views today.</param>
/// <param name="PageViewsTotal">Page views of all time.</param>
public sealed record HitTotals(DateOnly Date, long Today, long Total, long PageViewsToday, long PageViewsTotal);

/// <summary>One day's counts for a dashboard.</summary>
public sealed record DayTotals(DateOnly Date, long Visits, long PageViews);
