using Microsoft.EntityFrameworkCore;
using Portal.Api.Data;
using Portal.Domain.Common;
using Portal.Domain.Settings;

namespace Portal.Api.Infrastructure.Caching;

/// <summary>
/// The next instant at which a response can change without any write: a scheduled article or directive reaching its
/// publish instant, a banner's display period starting or ending, or the Vietnamese calendar day changing (directives'
/// validity and "today" are days in Asia/Ho_Chi_Minh). Cached responses are keyed by it, so none outlives it.
/// Recomputed (three small indexed queries) when the <see cref="ContentVersion"/> changes or the instant passes.
/// </summary>
internal sealed class ContentHorizon(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot _current = new(long.MinValue, DateTime.MinValue);

    /// <summary>A cache key part for <paramref name="version"/> at the current instant: version and horizon (UTC ticks).</summary>
    public async ValueTask<string> KeyAsync(long version, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = Volatile.Read(ref _current);
        if (current.Version != version || now >= current.Until)
        {
            await _gate.WaitAsync(ct);
            try
            {
                current = _current;
                if (current.Version != version || now >= current.Until)
                {
                    current = new Snapshot(version, await NextChangeAsync(now, ct));
                    Volatile.Write(ref _current, current);
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return current.Key;
    }

    /// <summary>The earliest instant after <paramref name="nowUtc"/> at which time alone changes what readers see.</summary>
    public async Task<DateTime> NextChangeAsync(DateTime nowUtc, CancellationToken ct)
    {
        var next = VietnamTime.StartOfDayUtc(VietnamTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero)).AddDays(1));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ContentStatus.Published && a.DeletedAt == null && a.PublishedAt > nowUtc)
            .MinAsync(a => a.PublishedAt, ct);
        var directive = await db.Directives.AsNoTracking()
            .Where(d => d.Status == ContentStatus.Published && d.DeletedAt == null && d.PublishedAt > nowUtc)
            .MinAsync(d => d.PublishedAt, ct);
        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
        var banners = settings?.Banners.SelectMany(b => new[] { b.StartsAt, b.EndsAt }) ?? [];
        foreach (var instant in banners.Append(article).Append(directive))
        {
            if (instant is { } t && t > nowUtc && t < next)
            {
                next = t;
            }
        }

        return next;
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Snapshot(long Version, DateTime Until)
    {
        /// <summary>Built once per snapshot rather than on every request.</summary>
        public string Key { get; } = $"{Version}.{Until.Ticks}";
    }
}
