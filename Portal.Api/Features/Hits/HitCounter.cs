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

    /// <summary>The per-client limit on POST /hits (<c>Hits:RateLimit</c>).</summary>
    public HitRateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>
/// The visit counter's write path. Hits are accepted in memory and persisted in batches as additive increments,
/// so bursts of page views never hold the database's write lock for long and editors are never locked out.
/// Reads add what is still pending to what is persisted, so counts are exact at any moment, also while a batch is
/// being written. A graceful shutdown flushes everything (<see cref="HitFlusher"/>); a crash loses at most one flush
/// interval (README, "The visit counter"). Visitor ids live in memory only, for the visit timeout.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim holds nothing to release unless AvailableWaitHandle is used; disposing it would race the final flush at shutdown.")]
public sealed class HitCounter(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, HitOptions options)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly Dictionary<string, DateTime> _lastSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, long> _flushedTotals = [];
    private PendingHits _pending = new();
    private PendingHits? _inFlight;
    private DateTime _lastPruned;

    /// <summary>Counts one page view at the current instant; returns whether it started a new visit.</summary>
    public bool Record(string visitorId, Guid? articleId, Guid? directiveId)
    {
        var now = clock.GetUtcNow();
        var day = VietnamTime.DateOf(now);
        lock (_gate)
        {
            var newVisit = !_lastSeen.TryGetValue(visitorId, out var last)
                || now.UtcDateTime - last >= TimeSpan.FromMinutes(options.VisitTimeoutMinutes)
                || VietnamTime.DateOf(new DateTimeOffset(last, TimeSpan.Zero)) != day;
            _lastSeen[visitorId] = now.UtcDateTime;
            _pending.Add(day, newVisit, articleId, directiveId);
            return newVisit;
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

    /// <summary>Today's and all-time visits and page views; "today" is the calendar day in Asia/Ho_Chi_Minh.</summary>
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
                .FirstOrDefaultAsync(ct);
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

    /// <summary>Per-day counts between two Vietnamese calendar dates (inclusive), persisted plus pending.</summary>
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

    /// <summary>Writes the pending increments in one transaction. On failure they are put back, so no count is lost.</summary>
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
                await HitStore.WriteAsync(contexts, batch, clock.GetUtcNow().UtcDateTime, totals =>
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

    /// <summary>Forgets visitors idle longer than the visit timeout, at most once a minute. Call under the gate.</summary>
    private void PruneIdleVisitors()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _lastPruned < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastPruned = now;
        var cutoff = now - TimeSpan.FromMinutes(options.VisitTimeoutMinutes);
        foreach (var idle in _lastSeen.Where(v => v.Value < cutoff).Select(v => v.Key).ToList())
        {
            _lastSeen.Remove(idle);
        }
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
